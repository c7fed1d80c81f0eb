import { applyDecorators, Post, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** A registry command over HTTP: POST under `registries/:jurisdiction`, with its documented outcomes. */
export function RegistryWriteRoute(options: { type: Type<unknown>; created: string; refused: string }) {
  return applyDecorators(
    Post(),
    ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] }),
    ApiCreatedResponse({ type: options.type, description: options.created }),
    ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' }),
    ApiNotFoundResponse({ description: 'Unknown registry or account' }),
    ApiUnprocessableEntityResponse({ description: options.refused }),
  );
}
