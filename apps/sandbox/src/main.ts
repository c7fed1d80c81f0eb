import 'reflect-metadata';
import { loadAppConfig, runServiceMain } from '@app/platform';
import { sandboxService } from './sandbox.app';

void runServiceMain(sandboxService(loadAppConfig()));
