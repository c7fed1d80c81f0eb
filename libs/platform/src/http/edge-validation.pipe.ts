import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * The path of the first offending field, as the messages write it (`orders.3.qty`): a refused
 * DTO body names it in `field`, like every coded error, so a client can show it at the field.
 */
export function firstInvalidField(errors: readonly ValidationError[]): string | undefined {
  let error = errors[0];
  if (!error) return undefined;
  const path = [error.property];
  while (!error.constraints && error.children?.length) {
    error = error.children[0];
    path.push(error.property);
  }
  return path.join('.');
}

/**
 * Strict validation at the edge: unknown fields are refused; the 400 lists every message (each
 * naming its field, as Nest words them) and names the first offending field in `field`.
 */
export class EdgeValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
  }

  override createExceptionFactory(): (errors?: ValidationError[]) => BadRequestException {
    return (errors: ValidationError[] = []) => {
      const field = firstInvalidField(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: this.flattenValidationErrors(errors),
        ...(field !== undefined ? { field } : {}),
      });
    };
  }
}
