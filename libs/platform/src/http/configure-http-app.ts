import { INestApplication, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { InputSafetyPipe } from './input-safety.pipe';
import { DomainErrorFilter } from './domain-error.filter';

/** Strict validation at the edge: unknown fields are refused, the message names the field. */
export const EDGE_VALIDATION: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
};

/**
 * What every HTTP-facing app shares: pino logs, strict validation at the edge (unknown fields are
 * refused, the message names the field), coded errors mapped once, OpenAPI at /docs.
 */
export function configureHttpApp(app: INestApplication, title: string): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new InputSafetyPipe(), new ValidationPipe(EDGE_VALIDATION));
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
