export * from './access-token';
export * from './access.guard';
export * from './auth-settings';
export * from './auth-schema.migration';
export * from './auth.module';
export * from './route-access';
export * from './route-key';
export * from './user-directory';
