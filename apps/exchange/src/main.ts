import 'reflect-metadata';
import { loadAppConfig, runServiceMain } from '@app/platform';
import { exchangeService } from './exchange.app';

void runServiceMain(exchangeService(loadAppConfig()));
