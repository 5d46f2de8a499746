import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { AuthService, LoginDto, LoginResult, Public } from '@app/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: { limit: 10, ttl: 60_000 } })
  @ApiOkResponse({ type: LoginResult })
  @ApiUnauthorizedResponse({ description: 'Email or password is wrong' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this address (10 a minute) or on this account (10 failures in 15 minutes)',
  })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.email, body.password);
  }
}
