import { AUTH_ENTITIES } from '@app/auth';
import { CASE_ENTITIES } from '@app/cases';
import { REMINDER_ENTITIES } from '@app/reminders';

/** Every entity of the service; the schema the migrations must produce. */
export const ENTITIES = [...AUTH_ENTITIES, ...CASE_ENTITIES, ...REMINDER_ENTITIES];
