import { Body, Controller, Get, Module, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CurrentClient } from '../../../apps/connect-api/src/platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../../../apps/connect-api/src/platform/clients/client-snapshot';
import { getRequestContext } from '../../../apps/connect-api/src/platform/context/request-context';
import { TwelveGoClient } from '@app/twelvego-client';

class PassengerDto {
  @IsString() @Matches(/^[A-Za-z]+$/) first_name!: string;
}

class EchoBodyDto {
  @IsInt() @Min(1) @Max(9) pax!: number;
  @IsString() note!: string;
  @ValidateNested({ each: true }) @Type(() => PassengerDto) passengers!: PassengerDto[];
}

/** Test-only routes (never registered in production): they stand in for feature controllers. */
@Controller('v1/:client_id/__platform_test')
class PlatformTestController {
  constructor(private readonly twelvego: TwelveGoClient) {}

  @Get('whoami')
  whoami(@CurrentClient() client: ClientSnapshot) {
    const ctx = getRequestContext();
    return { client_id: client.clientId, name: client.name, context: { ...ctx, client: undefined } };
  }

  @Post('echo')
  @RouteConfig({ tcBody: 'json' })
  echo(@Body() body: EchoBodyDto) {
    return { body, correlation_id: getRequestContext()?.correlationId };
  }

  @Post('bodyless')
  bodyless() {
    return { ok: true };
  }

  /** A matched route that decides the resource does not exist and hands over to the not-found handler. */
  @Get('hidden')
  hidden(@Res() reply: FastifyReply): void {
    reply.callNotFound();
  }

  @Get('boom')
  boom(): never {
    throw new Error('kaboom: internal detail that must stay in the logs');
  }

  /** Calls 12go with the caller's key: proves the key travels as `k` but never reaches the logs. */
  @Get('upstream')
  async upstream(@CurrentClient() client: ClientSnapshot) {
    const ctx = getRequestContext();
    await this.twelvego.getBookingDetails(
      { apiKey: client.twelvegoApiKey, correlationId: ctx?.correlationId, clientId: client.clientId },
      '1',
    );
    return { ok: true };
  }
}

@Module({ controllers: [PlatformTestController] })
export class PlatformTestModule {}
