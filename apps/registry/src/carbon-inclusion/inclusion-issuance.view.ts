import { ApiProperty } from '@nestjs/swagger';
import type { UnitsIssued } from '@app/ledger';
import { DomainError } from '@app/domain';
import { rangeView, type SerialRangeView } from '../shared/serial-text';
import { eventsOfCommand, type LoadedRegistry } from '../shared/registry-state';
import type { CarbonInclusionIssued, CreditedActivity } from './carbon-inclusion-records';
import { CARBON_INCLUSION_APP_ERRORS } from './carbon-inclusion-errors';
import { ownValue } from '../shared/own-value';

export class InclusionIssuanceView {
  @ApiProperty({ example: 'cq-inclusion-2026-01' }) issuanceId!: string;
  @ApiProperty({ enum: ['CQ', 'SC'] }) jurisdiction!: string;
  @ApiProperty() holderAccountId!: string;
  @ApiProperty({ description: 'The day (China time) the batch was credited' }) asOf!: string;
  @ApiProperty({ description: 'Whole tCO2e credited by the batch' }) credits!: number;
  @ApiProperty({
    description: 'Each record with its vintage, credits and the remainder carried in and out (numerator)',
    type: 'array',
    items: { type: 'object' },
  })
  records!: readonly CreditedActivity[];
  @ApiProperty({ description: 'Serial blocks issued to the holder (one per methodology and vintage)' })
  blocks!: readonly (SerialRangeView & { kind: string; vintage: number; projectId?: string })[];
}

export class InclusionIssuanceCommandView extends InclusionIssuanceView {
  @ApiProperty() commandId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'True when this commandId was already processed' }) replayed!: boolean;
}

export function inclusionIssuanceView(
  registry: LoadedRegistry,
  jurisdiction: string,
  issuanceId: string,
): InclusionIssuanceView {
  const issued: CarbonInclusionIssued | undefined = ownValue(
    registry.records.carbonInclusion.issuances,
    issuanceId,
  );
  if (!issued)
    throw new DomainError(
      CARBON_INCLUSION_APP_ERRORS.UNKNOWN_ISSUANCE,
      `no carbon-inclusion issuance ${issuanceId} in ${jurisdiction}`,
      { field: 'issuanceId' },
    );
  const blocks = eventsOfCommand(registry.ledger, issued.commandId)
    .filter((e): e is UnitsIssued => e.type === 'UnitsIssued')
    .map(({ block }) => ({
      ...rangeView(block, block),
      kind: block.kind,
      vintage: block.vintage,
      ...(block.projectId !== undefined ? { projectId: block.projectId } : {}),
    }));
  return {
    issuanceId,
    jurisdiction,
    holderAccountId: issued.holderAccountId,
    asOf: issued.asOf,
    credits: issued.credits,
    records: issued.records,
    blocks,
  };
}
