import 'reflect-metadata';
import { loadAppConfig, runServiceMain } from '@app/platform';
import { registryService } from './registry.app';

void runServiceMain(registryService(loadAppConfig()));
