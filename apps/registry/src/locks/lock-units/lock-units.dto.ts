import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UnitMoveDto } from '../../shared/unit-selection.dto';

/** Units of `from` held in place (e.g. pending cross-province recognition): they cannot move until released. */
export class LockUnitsDto extends UnitMoveDto {
  @ApiProperty({ example: 'recognition-2025-0007' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'lockId must be 1-64 letters, digits, . _ : -' })
  lockId!: string;

  @ApiProperty({ example: 'pending SC recognition of CQCER' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
