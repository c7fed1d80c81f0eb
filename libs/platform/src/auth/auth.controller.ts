import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Principal } from '@app/domain';
import { signAccessToken } from './access-token';
import type { AuthenticatedRequest } from './access.guard';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { DemoSignInDto, SignInDto } from './auth.dto';
import { type ApiKeyView, UserDirectory } from './user-directory';

export interface SignedIn {
  token: string;
  expiresIn: number;
  principal: Principal;
}

function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal)
    throw new HttpException(
      { statusCode: 401, code: 'AUTH.UNAUTHENTICATED', message: 'sign in first' },
      HttpStatus.UNAUTHORIZED,
    );
  return request.principal;
}

/** Sign-in (password, or a demo user when the sandbox runs its demo) and API keys for programmatic trading. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserDirectory,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'A bearer token (JWT, HS256) and the principal it carries' })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (not told apart)' })
  async signIn(@Body() body: SignInDto): Promise<SignedIn> {
    const principal = await this.users.signIn(body.username, body.password);
    if (!principal)
      throw new HttpException(
        { statusCode: 401, code: 'AUTH.BAD_CREDENTIALS', message: 'unknown user or wrong password' },
        HttpStatus.UNAUTHORIZED,
      );
    return this.issue(principal);
  }

  @Post('demo-sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description: 'Demo mode only (the sandbox with DEMO≠off): a token for a demo user, no password',
  })
  demoSignIn(@Body() body: DemoSignInDto): SignedIn {
    if (!this.users.demoEnabled) throw new NotFoundException('demo sign-in exists only in demo mode');
    const principal = this.users.demoUser(body.username);
    if (!principal)
      throw new HttpException(
        {
          statusCode: 401,
          code: 'AUTH.BAD_CREDENTIALS',
          message: `no demo user ${body.username}`,
          field: 'username',
        },
        HttpStatus.UNAUTHORIZED,
      );
    return this.issue(principal);
  }

  @Get('me')
  @ApiOkResponse({ description: 'The principal of the credentials sent' })
  me(@Req() request: AuthenticatedRequest): Principal {
    return principalOf(request);
  }

  @Post('api-keys')
  @ApiCreatedResponse({ description: 'A new API key for the X-API-Key header, shown this once only' })
  createApiKey(@Req() request: AuthenticatedRequest): { id: string; key: string; createdAt: string } {
    return this.users.createApiKey(principalOf(request), new Date());
  }

  @Get('api-keys')
  @ApiOkResponse({ description: 'Own API keys (ids and creation times; never the keys)' })
  listApiKeys(@Req() request: AuthenticatedRequest): ApiKeyView[] {
    return this.users.listApiKeys(principalOf(request));
  }

  @Delete('api-keys/:keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  revokeApiKey(@Req() request: AuthenticatedRequest, @Param('keyId') keyId: string): void {
    if (!this.users.revokeApiKey(principalOf(request), keyId))
      throw new NotFoundException(`no API key ${keyId}`);
  }

  private issue(principal: Principal): SignedIn {
    const { secret, ttlSeconds } = this.settings;
    return {
      token: signAccessToken(principal, secret, ttlSeconds, Date.now()),
      expiresIn: ttlSeconds,
      principal,
    };
  }
}
