import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Text rules shared by every alumni input and the JSON Resume import. Written here rather than
 * taken from class-validator because "well-formed Unicode, no NUL, no control characters, NFC"
 * is not one of its checks.
 */

// C0 and C1 controls, except tab and newlines in multi-line texts; plus bidi overrides, which can
// make a name read differently from what it is.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);
// eslint-disable-next-line no-control-regex -- as above, tab and newlines allowed
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export interface TextRule {
  max: number;
  multiline?: boolean;
}

/** Why a text is refused, or null when it is fine. Length counts code points, like char_length. */
export function textProblem(value: unknown, rule: TextRule): string | null {
  if (typeof value !== 'string') return 'must be a text';
  if (!isWellFormed(value)) return 'contains invalid Unicode (a lone surrogate)';
  if (value.includes('\u0000')) return 'contains a NUL character';
  if ((rule.multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value)) return 'contains a control character';
  if (!value.trim()) return 'must not be empty';
  if ([...value].length > rule.max) return `must be at most ${rule.max} characters`;
  return null;
}

/** Trimmed, NFC; other values pass through untouched for the validator to refuse. */
export function normaliseText(value: unknown): unknown {
  if (typeof value !== 'string' || !isWellFormed(value)) return value;
  return value.normalize('NFC').trim();
}

export const NormaliseText = () => Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(normaliseText) : normaliseText(value)));

/** class-validator form of textProblem; `each` for lists of texts. */
export function IsCleanText(rule: TextRule, options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'cleanText',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => textProblem(value, rule) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${textProblem(args?.value, rule) ?? 'is not valid'}`,
      },
    });
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "YYYY-MM", 1950 to 2100. */
export function monthProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !MONTH.test(value)) return 'must be a month as YYYY-MM';
  const year = Number(value.slice(0, 4));
  return year < 1950 || year > 2100 ? 'must be between 1950 and 2100' : null;
}

export function IsMonth(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'month',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => monthProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${monthProblem(args?.value) ?? 'is not valid'}`,
      },
    });
}

/** http or https, no user name or password in it, at most 500 characters. */
export function urlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a text';
  const text = textProblem(value, { max: 500 });
  if (text) return text;
  if (/\s/.test(value)) return 'must not contain spaces';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a full http or https address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https address';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return 'must name a host';
  return null;
}

export function IsWebUrl(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'webUrl',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => urlProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${urlProblem(args?.value) ?? 'is not valid'}`,
      },
    });
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

// Intl.DisplayNames is slow per call and every profile shown asks it; two letters make at most 676 entries.
const countryNames = new Map<string, string | null>();

/** ISO 3166-1 alpha-2 code known to ICU (FR, US…), or null. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  let name = countryNames.get(code);
  if (name === undefined) {
    try {
      const found = regionNames.of(code);
      name = found && found !== 'Unknown Region' ? found : null;
    } catch {
      name = null;
    }
    countryNames.set(code, name);
  }
  return name;
}

/** ISO 639-1 code known to ICU (fr, en…), or null. */
export function languageName(code: string): string | null {
  if (!/^[a-z]{2}$/.test(code)) return null;
  try {
    const name = languageNames.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

let languagesByName: Map<string, string> | undefined;

/** "French" or "fr" → "fr" (English names, case-insensitive), for the JSON Resume import. */
export function languageCode(nameOrCode: string): string | null {
  const text = nameOrCode.trim();
  if (languageName(text.toLowerCase())) return text.toLowerCase();
  if (!languagesByName) {
    languagesByName = new Map();
    for (let a = 97; a <= 122; a++)
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b);
        const name = languageName(code);
        if (name) languagesByName.set(name.toLowerCase(), code);
      }
  }
  return languagesByName.get(text.toLowerCase()) ?? null;
}

export function IsCountryCode(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'countryCode',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && countryName(value) !== null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an ISO 3166-1 alpha-2 country code, e.g. FR`,
      },
    });
}

export function IsLanguageCode(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'languageCode',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && languageName(value) !== null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an ISO 639-1 language code, e.g. fr`,
      },
    });
}
