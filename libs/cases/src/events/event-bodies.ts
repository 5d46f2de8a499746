/**
 * The OpenAPI description of `POST /cases/:id/events`, derived from the registry: one schema per event type (its
 * payload class's fields plus `type`, an enum of that one type), and the body as a `oneOf` of them discriminated on
 * `type`. A client generated from the document then knows each event's fields, their formats and which are required.
 */
import { ApiProperty, ApiSchema, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import type { ClassConstructor } from 'class-transformer';
import { describeEnvelope } from './event-envelope';
import { EVENT_PAYLOADS } from './event-payload-registry';
import { CASE_EVENT_TYPES, type CaseEventType } from './event-payloads';

/** `notification.submitted` (NotificationSubmittedPayload) is described as the schema `NotificationSubmittedEvent`. */
function eventBodyClass(type: CaseEventType): ClassConstructor<object> {
  const payload: ClassConstructor<object> = EVENT_PAYLOADS[type];
  class EventBody extends payload {}
  ApiSchema({ name: payload.name.replace(/Payload$/, 'Event'), description: `The body of a \`${type}\` event.` })(
    EventBody,
  );
  ApiProperty({ enum: [type], description: 'The event type' })(EventBody.prototype, 'type');
  describeEnvelope(type, EventBody.prototype);
  return EventBody;
}

/** The Swagger model of each event's body (register them as extra models where the body is described). */
export const CASE_EVENT_BODIES = Object.fromEntries(
  CASE_EVENT_TYPES.map((type) => [type, eventBodyClass(type)]),
) as Record<CaseEventType, ClassConstructor<object>>;

/** The events route's body: exactly one of the event schemas, picked by `type`. */
export function caseEventBodySchema(): SchemaObject {
  const mapping = Object.fromEntries(CASE_EVENT_TYPES.map((type) => [type, getSchemaPath(CASE_EVENT_BODIES[type])]));
  return {
    oneOf: CASE_EVENT_TYPES.map((type) => ({ $ref: mapping[type] })),
    discriminator: { propertyName: 'type', mapping },
  };
}
