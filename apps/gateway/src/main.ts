import 'reflect-metadata';
import { loadAppConfig, runServiceMain } from '@app/platform';
import { gatewayService } from './gateway.app';

void runServiceMain(gatewayService(loadAppConfig()));
