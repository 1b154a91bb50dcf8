import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BookingModule } from './booking/booking.module';
import { AppConfig } from './platform/config/app-config';
import { PostBookingModule } from './post-booking/post-booking.module';
import { SearchModule } from './search/search.module';
import { StaticDataModule } from './static-data/static-data.module';
import { API_KEY_SECURITY } from './contract/openapi/decorators/partner-route.decorators';
import { bookingEventWebhook } from './contract/openapi/webhooks/booking-event.webhook';
import { CONTRACT_PRIMITIVE_SCHEMAS } from './contract/openapi/schemas/common.schemas';
import { BookingEventSchema } from './contract/openapi/schemas/notifications.schemas';
import { nameWildcardPathParams } from './openapi/wildcard-path-params';
import { toOas31Nullability } from './openapi/oas31-nullability';
import { withServerAndExamples } from './openapi/sandbox-examples';

/** The partner-facing feature modules; platform, health, admin and notification routes are not the contract. */
const CONTRACT_MODULES = [SearchModule, BookingModule, PostBookingModule, StaticDataModule];

/**
 * GetItinerary is a wildcard route (an unencoded `/` in an id must still reach the decoder); the contract
 * names the segment `itinerary_id`.
 */
const WILDCARD_PARAM_NAMES: Record<string, string> = { '/v1/{client_id}/itineraries/{path}': 'itinerary_id' };

/** The OpenAPI 3.1 document of the partner contract, generated from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Travelier Connect API')
    .setDescription(
      'Partner-facing HTTP contract served by the Travelier Connect BFF. Every path is under `/v1/{client_id}/`; ' +
        "authenticate with the `x-api-key` header. Money amounts are decimal strings with the currency's ISO 4217 " +
        'number of decimals. Every 4xx/5xx body is an `Error` envelope.',
    )
    .setVersion(app.get(AppConfig).apiVersions.current)
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'x-api-key',
        description: 'Partner API key; must belong to the `client_id` of the path.',
      },
      API_KEY_SECURITY,
    )
    .addTag('Search', 'Itinerary search (200 complete / 206 partial).')
    .addTag('Booking', 'Checkout, seat lock, reserve, confirm and asynchronous polling.')
    .addTag('Post-booking', 'Booking details, ticket and cancellation.')
    .addTag('Master data', 'Stations, operators and POIs (URL of a JSON document, or inline GetList).')
    .addTag('Notifications', 'Outbound booking notifications sent by the BFF to partners.')
    .build();
  config.components = { ...config.components, schemas: { ...CONTRACT_PRIMITIVE_SCHEMAS } };
  (config as OpenAPIObject).webhooks = { bookingEvent: bookingEventWebhook() };

  const document = SwaggerModule.createDocument(app, config, {
    include: CONTRACT_MODULES,
    extraModels: [BookingEventSchema],
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  return withServerAndExamples(toOas31Nullability(nameWildcardPathParams(document, WILDCARD_PARAM_NAMES)));
}
