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
  Put,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Principal } from '@app/domain';
import { signAccessToken } from './access-token';
import type { AuthenticatedRequest } from './access.guard';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { ChangePasswordDto, DemoSignInDto, SetPasswordDto, SignInDto } from './auth.dto';
import { parseNewUser, parseUserAccess } from './new-user';
import { type ApiKeyView, UserDirectory, type UserView } from './user-directory';

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

const unknownUser = (username: string): HttpException =>
  new HttpException(
    { statusCode: 404, code: 'AUTH.UNKNOWN_USER', message: `no user ${username}`, field: 'username' },
    HttpStatus.NOT_FOUND,
  );

/** What a user may do, in the OpenAPI bodies of creating a user and changing its access. */
const ACCESS_PROPERTIES = {
  role: { type: 'string', enum: ['enterprise', 'regulator', 'verifier', 'researcher', 'admin'] },
  province: { type: 'string', enum: ['CQ', 'SC'], description: 'regulator (required), enterprise' },
  memberId: { type: 'string', description: 'enterprise (required)' },
  accountIds: { type: 'array', items: { type: 'string' }, description: 'enterprise; default [memberId]' },
};

const badUser = (refused: { field: string; message: string }): HttpException =>
  new HttpException(
    { statusCode: 400, code: 'AUTH.BAD_USER', message: refused.message, field: refused.field },
    HttpStatus.BAD_REQUEST,
  );

/** The signed-in administrator named itself where another administrator must act. */
const ownName = (code: string, message: string): HttpException =>
  new HttpException({ statusCode: 409, code, message, field: 'username' }, HttpStatus.CONFLICT);

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
  async demoSignIn(@Body() body: DemoSignInDto): Promise<SignedIn> {
    if (!this.users.demoEnabled) throw new NotFoundException('demo sign-in exists only in demo mode');
    const principal = await this.users.demoUser(body.username);
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

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Changed: sign in with the new password from now on' })
  @ApiBadRequestResponse({ description: 'A field missing or invalid (`field` names it)' })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or `currentPassword` is not the password' })
  async changePassword(@Req() request: AuthenticatedRequest, @Body() body: ChangePasswordDto): Promise<void> {
    const { id } = principalOf(request);
    if (!(await this.users.changePassword(id, body.currentPassword, body.newPassword)))
      throw new HttpException(
        {
          statusCode: 401,
          code: 'AUTH.BAD_CREDENTIALS',
          message: 'currentPassword is not the password of the signed-in user',
          field: 'currentPassword',
        },
        HttpStatus.UNAUTHORIZED,
      );
  }

  @Post('api-keys')
  @ApiCreatedResponse({ description: 'A new API key for the X-API-Key header, shown this once only' })
  createApiKey(
    @Req() request: AuthenticatedRequest,
  ): Promise<{ id: string; key: string; createdAt: string }> {
    return this.users.createApiKey(principalOf(request), new Date());
  }

  @Get('api-keys')
  @ApiOkResponse({ description: 'Own API keys not revoked (ids and creation times; never the keys)' })
  listApiKeys(@Req() request: AuthenticatedRequest): Promise<ApiKeyView[]> {
    return this.users.listApiKeys(principalOf(request));
  }

  @Delete('api-keys/:keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revokeApiKey(@Req() request: AuthenticatedRequest, @Param('keyId') keyId: string): Promise<void> {
    if (!(await this.users.revokeApiKey(principalOf(request), keyId, new Date())))
      throw new NotFoundException(`no API key ${keyId}`);
  }

  @Post('users')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['username', 'password', 'role'],
      properties: {
        username: { type: 'string', example: 'cq-cement-002' },
        password: { type: 'string', minLength: 12 },
        ...ACCESS_PROPERTIES,
      },
    },
  })
  @ApiCreatedResponse({ description: 'The user, who signs in with POST /auth/sign-in (admin only)' })
  @ApiBadRequestResponse({ description: 'A field missing or invalid (`field` names it)' })
  @ApiConflictResponse({ description: 'The username is taken' })
  async createUser(@Body() body: unknown): Promise<{ username: string; principal: Principal }> {
    const user = parseNewUser(body);
    if (!user.ok) throw badUser(user);
    if (!(await this.users.createUser(user.principal, user.password)))
      throw new HttpException(
        {
          statusCode: 409,
          code: 'AUTH.DUPLICATE_USER',
          message: `user ${user.principal.id} exists`,
          field: 'username',
        },
        HttpStatus.CONFLICT,
      );
    return { username: user.principal.id, principal: user.principal };
  }

  @Get('users')
  @ApiOkResponse({ description: 'Every user (never a password hash), oldest first (admin only)' })
  listUsers(): Promise<UserView[]> {
    return this.users.listUsers();
  }

  @Put('users/:username')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['role'],
      properties: {
        ...ACCESS_PROPERTIES,
      },
    },
  })
  @ApiOkResponse({
    description:
      'The user’s role and what it carries, replaced whole; its API keys follow at once, tokens already issued ' +
      'keep the old access until they expire (admin only)',
  })
  @ApiBadRequestResponse({ description: 'A field missing or invalid (`field` names it)' })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'The signed-in administrator itself' })
  async setAccess(
    @Req() request: AuthenticatedRequest,
    @Param('username') username: string,
    @Body() body: unknown,
  ): Promise<{ username: string; principal: Principal }> {
    if (principalOf(request).id === username)
      throw ownName(
        'AUTH.SELF_CHANGE',
        'an administrator cannot change its own access: another administrator can',
      );
    const access = parseUserAccess(username, body);
    if (!access.ok) throw badUser(access);
    if (!(await this.users.setAccess(access.principal, new Date()))) throw unknownUser(username);
    return { username, principal: access.principal };
  }

  @Put('users/:username/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The user signs in with this password from now on (admin only)' })
  @ApiBadRequestResponse({ description: 'A field missing or invalid (`field` names it)' })
  @ApiNotFoundResponse({ description: 'No such user' })
  async setPassword(@Param('username') username: string, @Body() body: SetPasswordDto): Promise<void> {
    if (!(await this.users.setPassword(username, body.password, new Date()))) throw unknownUser(username);
  }

  @Delete('users/:username')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description:
      'Removed, its API keys revoked; tokens already issued stay valid until they expire (admin only)',
  })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'The signed-in administrator itself' })
  async removeUser(@Req() request: AuthenticatedRequest, @Param('username') username: string): Promise<void> {
    if (principalOf(request).id === username)
      throw ownName('AUTH.SELF_REMOVAL', 'an administrator cannot remove itself: another administrator can');
    if (!(await this.users.removeUser(username, new Date()))) throw unknownUser(username);
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
