import { AUTH_ENTITIES } from '@app/auth';

/** Every entity of the service; the schema the migrations must produce. */
export const ENTITIES = [...AUTH_ENTITIES];
