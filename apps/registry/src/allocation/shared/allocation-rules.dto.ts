import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { AllocationRules, FirmInput, FreeAllocationBasis } from '@app/allocation';
import type { Rounding } from '@app/domain';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN } from '../../shared/command-envelope.dto';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { RegistryRecords } from '../../shared/registry-records';

const ROUNDINGS = ['half-up', 'half-even', 'floor', 'ceil', 'trunc'] as const;
const BP = { min: 0, max: 10_000 };

export class CorrectionDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) num!: number;
  @ApiProperty({ example: 1 }) @IsInt() @IsPositive() den!: number;
}

export class BenchmarkLineDto {
  @ApiProperty({ example: 1_000_000, description: 'Output in MWh (power) or GJ (heat)' })
  @IsInt()
  @Min(0)
  output!: number;

  @ApiProperty({ example: 877, description: 'kgCO2 per unit of output' })
  @IsInt()
  @Min(0)
  benchmark!: number;

  @ApiPropertyOptional({ type: [CorrectionDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CorrectionDto)
  corrections?: CorrectionDto[];
}

export class FirmDto {
  @ApiProperty({ example: 'cq-steel' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `firmId ${ACCOUNT_ID_MESSAGE}` })
  firmId!: string;

  @ApiPropertyOptional({ example: 'cq-steel-001', description: 'Holding account receiving the allocation' })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `accountId ${ACCOUNT_ID_MESSAGE}` })
  accountId?: string;

  @ApiProperty({ enum: ['benchmark', 'grandfathering', 'fixed'] })
  @IsIn(['benchmark', 'grandfathering', 'fixed'])
  method!: FreeAllocationBasis['method'];

  @ApiPropertyOptional({ type: [BenchmarkLineDto], description: 'benchmark: output × benchmark lines' })
  @ValidateIf((f: FirmDto) => f.method === 'benchmark')
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => BenchmarkLineDto)
  lines?: BenchmarkLineDto[];

  @ApiPropertyOptional({
    example: [120000, 135000],
    description: 'grandfathering: verified emissions per base year',
  })
  @ValidateIf((f: FirmDto) => f.method === 'grandfathering')
  @IsArray()
  @ArrayMinSize(1)
  @IsInt({ each: true })
  @Min(0, { each: true })
  historicEmissions?: number[];

  @ApiPropertyOptional({ enum: ['max', 'average'], description: 'grandfathering basis (Chongqing: max)' })
  @ValidateIf((f: FirmDto) => f.method === 'grandfathering')
  @IsIn(['max', 'average'])
  basis?: 'max' | 'average';

  @ApiPropertyOptional({ example: 9587, description: 'grandfathering control factor in basis points' })
  @ValidateIf((f: FirmDto) => f.method === 'grandfathering')
  @IsInt()
  @Min(0)
  factorBp?: number;

  @ApiPropertyOptional({ example: 50000, description: 'fixed: the quantity' })
  @ValidateIf((f: FirmDto) => f.method === 'fixed')
  @IsInt()
  @Min(0)
  quantity?: number;
}

export class AllocationRulesDto {
  @ApiProperty({ example: 1_000_000, description: 'Cap for the year in units' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  cap!: number;

  @ApiProperty({ example: 0 }) @IsInt() @Min(BP.min) @Max(BP.max) auctionShareBp!: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(BP.min) @Max(BP.max) newEntrantReserveBp!: number;
  @ApiProperty({ example: 500, description: 'Chongqing 2023: 5 %' })
  @IsInt()
  @Min(BP.min)
  @Max(BP.max)
  governmentReserveBp!: number;

  @ApiPropertyOptional({ example: 7000, description: 'Share issued up front (default 100 %)' })
  @IsOptional()
  @IsInt()
  @Min(BP.min)
  @Max(BP.max)
  preAllocationShareBp?: number;

  @ApiProperty({ enum: ROUNDINGS, example: 'half-up' }) @IsIn(ROUNDINGS) entitlementRounding!: Rounding;
  @ApiProperty({ enum: ['largest-remainder', 'floor'] })
  @IsIn(['largest-remainder', 'floor'])
  scaling!: 'largest-remainder' | 'floor';

  @ApiPropertyOptional({ example: 42 }) @IsOptional() @IsInt() tieSeed?: number;
}

/** The body both allocation endpoints share: the rules (inline, or a published rule version) and the firms. */
export class AllocationTableDto {
  @ApiPropertyOptional({ type: AllocationRulesDto, description: 'Inline rules; or give ruleVersionId' })
  @ValidateIf((o: AllocationTableDto) => o.rules !== undefined)
  @ValidateNested()
  @Type(() => AllocationRulesDto)
  rules?: AllocationRulesDto;

  @ApiPropertyOptional({
    example: 'CQ-CA-2025',
    description: 'A published rule version (POST /rule-versions)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'ruleVersionId must be 1-64 letters, digits, . _ -',
  })
  ruleVersionId?: string;

  @ApiProperty({ type: [FirmDto] })
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => FirmDto)
  firms!: FirmDto[];
}

export function basisOf(firm: FirmDto): FreeAllocationBasis {
  switch (firm.method) {
    case 'benchmark':
      return { method: 'benchmark', lines: firm.lines ?? [] };
    case 'grandfathering':
      return {
        method: 'grandfathering',
        historicEmissions: firm.historicEmissions ?? [],
        basis: firm.basis ?? 'max',
        factorBp: firm.factorBp ?? 10_000,
      };
    case 'fixed':
      return { method: 'fixed', quantity: firm.quantity ?? 0 };
  }
}

export function allocationInput(
  dto: AllocationTableDto,
  ruleVersions: RegistryRecords['ruleVersions'],
): { rules: AllocationRules; firms: FirmInput[] } {
  const { preAllocationShareBp, tieSeed, ...rest } = rulesOf(dto, ruleVersions);
  return {
    rules: {
      ...rest,
      ...(preAllocationShareBp !== undefined ? { preAllocationShareBp } : {}),
      ...(tieSeed !== undefined ? { tieSeed } : {}),
    },
    firms: dto.firms.map((f) => ({ firmId: f.firmId, basis: basisOf(f) })),
  };
}

/** The inline rules, or the rules of the named published version (exactly one of the two). */
export function rulesOf(
  dto: AllocationTableDto,
  ruleVersions: RegistryRecords['ruleVersions'],
): AllocationRulesDto {
  if ((dto.rules === undefined) === (dto.ruleVersionId === undefined))
    throw new RegistryError(REGISTRY_ERRORS.BAD_RULE_VERSION, 'give exactly one of rules and ruleVersionId', {
      field: 'rules',
    });
  if (dto.rules) return dto.rules;
  const version = ruleVersions[dto.ruleVersionId as string];
  if (!version)
    throw new RegistryError(REGISTRY_ERRORS.UNKNOWN_RULE_VERSION, `no rule version ${dto.ruleVersionId}`, {
      field: 'ruleVersionId',
    });
  return version.rules as unknown as AllocationRulesDto;
}
