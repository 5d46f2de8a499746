/**
 * Issue 12 item 2: the rules between the fields of a notification (`POST /cases`), each a 400 on the field at fault
 * with a message that says why. The web pages word the same problems in their own way (`NOTIFICATION_PROBLEMS`).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { formField, type FieldOptions } from './fields';
import { DEATHS_NOTIFIED_TO_SOS_OFSTED, MAX_CARE_LEAVER_AGE, type NotificationNature } from './notification-codes';

/** The problems of these rules, as the API words them after the field's name. */
export const NOTIFICATION_PROBLEMS = {
  notSuspectedOnlyForDeaths:
    'can be not-suspected only for the death of a looked-after child or of a care leaver (nature); a serious incident needs abuse or neglect known or suspected',
  deathOnly: 'must be death for the death of a looked-after child or of a care leaver (nature)',
  lookedAfterForItsDeath: 'must be true for the death of a looked-after child (nature)',
} as const;

/** A child is under 18 (`MAX_CHILD_AGE` of open-case.dto.ts). */
const CHILD_AGE_LIMIT = 17;

/** Marks a child of a care leaver's death notification, so that its age may be up to 24. */
const CARE_LEAVER = Symbol('care-leaver');

function natureOf(object: object): NotificationNature | undefined {
  const nature = (object as { nature?: unknown }).nature;
  return typeof nature === 'string' ? (nature as NotificationNature) : undefined;
}

function rule(name: string, problem: (value: unknown, object: object) => string | undefined): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value, args) => problem(value, (args as ValidationArguments).object) === undefined,
      defaultMessage: (args) => {
        const a = args as ValidationArguments;
        return `${a.property} ${problem(a.value, a.object) ?? 'is invalid'}`;
      },
    },
  });
}

const isDeathNotifiedToSosOfsted = (object: object) =>
  DEATHS_NOTIFIED_TO_SOS_OFSTED.includes(natureOf(object) as NotificationNature);

/** `abuseOrNeglect: 'not-suspected'` only for a looked-after child's or a care leaver's death. */
export function IsNotSuspectedOnlyForDeaths(): PropertyDecorator {
  return rule('isNotSuspectedOnlyForDeaths', (value, object) =>
    value === 'not-suspected' && !isDeathNotifiedToSosOfsted(object)
      ? NOTIFICATION_PROBLEMS.notSuspectedOnlyForDeaths
      : undefined,
  );
}

/** `incidentType: 'death'` for a looked-after child's or a care leaver's death. */
export function IsDeathForDeathNatures(): PropertyDecorator {
  return rule('isDeathForDeathNatures', (value, object) =>
    typeof value === 'string' && value !== 'death' && isDeathNotifiedToSosOfsted(object)
      ? NOTIFICATION_PROBLEMS.deathOnly
      : undefined,
  );
}

/** `lookedAfter: true` for a looked-after child's death. */
export function IsLookedAfterForItsDeath(): PropertyDecorator {
  return rule('isLookedAfterForItsDeath', (value, object) =>
    value === false && natureOf(object) === 'looked-after-death'
      ? NOTIFICATION_PROBLEMS.lookedAfterForItsDeath
      : undefined,
  );
}

/** On `children`: marks each child of a care leaver's death, whose age may then be up to 24. */
export function MarksCareLeavers(): PropertyDecorator {
  return Transform(({ value, obj }: { value: unknown; obj: object }) => {
    if (natureOf(obj) === 'care-leaver-death' && Array.isArray(value)) {
      for (const child of value) {
        if (child && typeof child === 'object') {
          Object.defineProperty(child, CARE_LEAVER, { value: true, enumerable: false });
        }
      }
    }
    return value;
  });
}

/**
 * A person's age in completed years: 0 to 17 (a child), or 0 to 24 for the death of a care leaver (rules.md rule 5).
 * Asked on a page as a whole number.
 */
export function PersonAgeField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: true,
      type: 'integer',
      minimum: 0,
      maximum: MAX_CARE_LEAVER_AGE,
      description: options.description,
      example: options.example,
    }),
    rule('isPersonAge', (value, object) => {
      if (value === undefined || value === null) return 'is required';
      const max = (object as Record<symbol, unknown>)[CARE_LEAVER] ? MAX_CARE_LEAVER_AGE : CHILD_AGE_LIMIT;
      const ok = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
      return ok ? undefined : `must be a whole number from 0 to ${max}`;
    }),
    formField('whole-number', options, { min: 0, max: CHILD_AGE_LIMIT }),
  );
}
