export * from './config/app-config';
export * from './config/load-app-config';
export * from './database/embedded-postgres';
export * from './database/run-migrations';
export * from './health/health.controller';
export * from './http/configure-http-app';
export * from './http/domain-error.filter';
export * from './platform.module';
