import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandEnvelopeDto } from './command-envelope.dto';

/**
 * A command signed with a regulator's key (a joint decision, one side of a cross-province transfer).
 * Who signs comes from the sign-in: `actor` and `regulator` may be left out; the edge sets both to the
 * signed-in regulator's id and refuses (403) a `regulator` naming anyone else (docs/security.md).
 */
export class RegulatorCommandDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({
    example: 'regulator-cq',
    description:
      "Filled in from the sign-in. When sent, it must name the signed-in regulator (its id, or its province's CQ-EEB / SC-DEE), else 403; recorded is the signed-in regulator's id",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  regulator!: string;
}

// The envelope's `actor`, optional here (a field redeclared in a subclass would shadow its value).
IsOptional()(RegulatorCommandDto.prototype, 'actor');
ApiPropertyOptional({ example: 'regulator-cq', description: 'Filled in from the sign-in' })(
  RegulatorCommandDto.prototype,
  'actor',
);
