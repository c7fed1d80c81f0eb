import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, Matches } from 'class-validator';
import { RegulatorCommandDto } from '../../shared/regulator-command.dto';

/** A regulator proposes a recognition agreement (its first key); the signed-in regulator signs. */
export class ProposeAgreementDto extends RegulatorCommandDto {
  @ApiProperty({
    description:
      'The agreement: { version "YYYY.N", title, sagaTimeoutMinutes, rules[{ ruleId, origin, destination, creditKinds, vintages { from, to }, excludedProjectTypes, conversion { num, den }, annualQuota, uses }] }',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  document!: Record<string, unknown>;
}

/** A regulator approves a proposed version from a date; both provinces' approvals (same date) adopt it. */
export class ApproveAgreementDto extends RegulatorCommandDto {
  @ApiProperty({ enum: ['CQ', 'SC'] })
  @IsIn(['CQ', 'SC'])
  jurisdiction!: 'CQ' | 'SC';

  @ApiProperty({ example: '2026-04-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom!: string;
}
