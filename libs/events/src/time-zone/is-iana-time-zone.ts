import { registerDecorator, ValidationOptions } from 'class-validator';
import { resolveTimeZone } from './time-zone';

/**
 * Input validation for a time zone, with the reason in the message. Registered once per
 * reason so the constraint reported is as precise as the service's: `timeZone` (unknown) or
 * `timeZoneLocation` (an abbreviation, not a place). The service still stores
 * `canonicalTimeZone(value)`, never the raw text.
 */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    for (const constraint of ['timeZone', 'timeZoneLocation'] as const) {
      registerDecorator({
        name: constraint,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          validate: (value: unknown) => {
            const result = resolveTimeZone(value);
            return result.ok || result.constraint !== constraint;
          },
          defaultMessage: (args) => {
            const result = resolveTimeZone(args?.value);
            return result.ok ? '' : result.message;
          },
        },
      });
    }
  };
}
