import { AUTH_ENTITIES } from '@app/auth';
import { CASE_ENTITIES } from '@app/cases';

/** Every entity of the service; the schema the migrations must produce. */
export const ENTITIES = [...AUTH_ENTITIES, ...CASE_ENTITIES];
