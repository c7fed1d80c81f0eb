import { existsSync } from 'node:fs';
import { AppConfig, ConfigValidationError, parseAppConfig } from './app-config';

/**
 * Reads `.env` when present (variables already set win), then validates. On a bad variable the
 * process stops here with the variable's name, before any connection is opened.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): AppConfig {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  try {
    return parseAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
