import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withAuditScope } from '@app/event-store';
import { Logger } from 'nestjs-pino';
import { EdgeValidationPipe } from './edge-validation.pipe';
import { InputSafetyPipe } from './input-safety.pipe';
import { DomainErrorFilter } from './domain-error.filter';
import type { AppConfig } from '../config/app-config';
import { corsOriginsOf } from './cors-origins';
import { securityHeaders } from './security-headers';

/**
 * What every HTTP-facing app shares: pino logs, strict validation at the edge (unknown fields are
 * refused, the message names the field), coded errors mapped once, OpenAPI at /docs.
 */
export function configureHttpApp(app: INestApplication, title: string, config?: AppConfig): void {
  app.useLogger(app.get(Logger));
  if (config) limitHttp(app as NestExpressApplication, config);
  app.useGlobalPipes(new InputSafetyPipe(), new EdgeValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  // WebSocket gateways (the market feed) share the HTTP server and port, over plain `ws`.
  app.useWebSocketAdapter(new WsAdapter(app));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(title)
      .setDescription('Chengdu–Chongqing joint environmental-rights exchange simulator')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}

/** Security headers (helmet), a body size limit (413 beyond it) and CORS for the configured origins only. */
function limitHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: config.BODY_LIMIT_BYTES });
  // After the body parser (its stream callbacks would lose the scope): events appended for the request carry its actor.
  app.use((_request: unknown, _response: unknown, next: () => void) => withAuditScope(next));
  const origins = corsOriginsOf(config.CORS_ORIGINS);
  if (origins.length > 0)
    app.enableCors({
      origin: origins,
      allowedHeaders: ['authorization', 'content-type', 'x-api-key', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
    });
}
