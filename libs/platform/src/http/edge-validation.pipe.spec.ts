import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { EdgeValidationPipe } from './edge-validation.pipe';

class Leg {
  @IsInt()
  @Min(1)
  qty!: number;
}

class Ticket {
  @IsString()
  instrument!: string;

  @ValidateNested({ each: true })
  @Type(() => Leg)
  legs!: Leg[];
}

const pipe = new EdgeValidationPipe();
const refusal = async (body: unknown): Promise<Record<string, unknown>> => {
  try {
    await pipe.transform(body, { type: 'body', metatype: Ticket });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as Record<string, unknown>;
  }
  throw new Error('accepted');
};

describe('EdgeValidationPipe', () => {
  it('accepts a valid body, transformed to the DTO', async () => {
    const ticket = await pipe.transform(
      { instrument: 'CCER', legs: [{ qty: 2 }] },
      { type: 'body', metatype: Ticket },
    );
    expect(ticket).toBeInstanceOf(Ticket);
    expect(ticket.legs[0]).toBeInstanceOf(Leg);
  });

  it('answers 400 with every message and the first offending field, nested paths included', async () => {
    expect(await refusal({ instrument: 7, legs: [{ qty: 1 }, { qty: 0 }] })).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['instrument must be a string', 'legs.1.qty must not be less than 1'],
      field: 'instrument',
    });
    expect(await refusal({ instrument: 'CCER', legs: [{ qty: 1 }, { qty: 'x' }] })).toMatchObject({
      field: 'legs.1.qty',
      message: ['legs.1.qty must not be less than 1', 'legs.1.qty must be an integer number'],
    });
  });

  it('names an unknown field, which it refuses', async () => {
    expect(await refusal({ instrument: 'CCER', legs: [], superuser: true })).toMatchObject({
      field: 'superuser',
      message: ['property superuser should not exist'],
    });
  });
});
