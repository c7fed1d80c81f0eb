import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 128)
  username!: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

/** As for ADMIN_PASSWORD and new users: at least 12 characters. */
const NEW_PASSWORD = { min: 12, max: 256 } as const;

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password signed in with' })
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ minLength: NEW_PASSWORD.min, maxLength: NEW_PASSWORD.max })
  @IsString()
  @Length(NEW_PASSWORD.min, NEW_PASSWORD.max)
  newPassword!: string;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: NEW_PASSWORD.min, maxLength: NEW_PASSWORD.max })
  @IsString()
  @Length(NEW_PASSWORD.min, NEW_PASSWORD.max)
  password!: string;
}

export class DemoSignInDto {
  @ApiProperty({ example: 'cq-steel-001', description: 'A demo user id from GET /demo/users' })
  @IsString()
  @Length(1, 128)
  @Matches(/^\S+$/, { message: 'username must be a token without spaces' })
  username!: string;
}

export class AuditQueryDto {
  @IsOptional()
  @ApiProperty({ required: false, enum: ['CQ', 'SC'] })
  @IsString()
  @Matches(/^(CQ|SC)$/, { message: 'jurisdiction must be CQ or SC' })
  jurisdiction?: string;

  @IsOptional()
  @ApiProperty({ required: false, description: 'Only this actor' })
  @IsString()
  @Length(1, 128)
  actor?: string;

  @IsOptional()
  @ApiProperty({ required: false, description: 'Only this event type' })
  @IsString()
  @Length(1, 128)
  type?: string;

  @IsOptional()
  @ApiProperty({
    required: false,
    description: 'At most this many, newest first (default 100, at most 1000)',
  })
  @IsString()
  @Matches(/^([1-9][0-9]{0,2}|1000)$/, { message: 'limit must be an integer from 1 to 1000' })
  limit?: string;
}
