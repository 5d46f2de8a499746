import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/workflows';
import { ForbiddenError } from '@app/common';
import { REQUIRED_ROLES } from './decorators';
import { isAuthenticatedUser } from './authenticated-user';

/**
 * Opens a route only to users holding one of `roles`.
 *
 * The contract orders checks 401, 400, 404, 403. A Nest guard runs before validation pipes, so a role guard would
 * answer 403 to a malformed body. This decorator instead wraps the handler, which Nest calls after its pipes: the
 * check runs after validation and before any work. The handler must take the user (`@CurrentUser()`).
 */
export function Roles(...roles: Role[]): MethodDecorator {
  const enforce: MethodDecorator = (_target, key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const user = args.find(isAuthenticatedUser);
      if (!user) throw new Error(`@Roles on ${String(key)} needs a @CurrentUser() parameter`);
      assertHasRole(user.roles, roles);
      return original.apply(this, args);
    };
    for (const metaKey of Reflect.getMetadataKeys(original)) {
      Reflect.defineMetadata(metaKey, Reflect.getMetadata(metaKey, original), wrapped);
    }
    Object.defineProperty(wrapped, 'name', { value: original.name });
    descriptor.value = wrapped;
    return descriptor;
  };
  return applyDecorators(enforce, SetMetadata(REQUIRED_ROLES, roles));
}

export function assertHasRole(held: readonly Role[], allowed: readonly Role[]): void {
  if (!held.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`This needs one of the roles: ${allowed.join(', ')}`);
  }
}
