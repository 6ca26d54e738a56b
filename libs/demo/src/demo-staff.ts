import { SeededRandom } from './random';

export interface DemoStaffIdentity {
  email: string;
  displayName: string;
}

export const STAFF_EMAIL_DOMAIN = 'staff.baton.demo';

/** Mostly French names, with the international mix of a Games workforce (Latin scripts only, for emails). */
const LOCALE_WEIGHTS = [
  ['fr', 55],
  ['en_GB', 8],
  ['en_US', 8],
  ['es', 6],
  ['de', 6],
  ['it', 6],
  ['pt_BR', 5],
  ['nl', 3],
  ['pl', 3],
] as const;

type LocaleName = (typeof LOCALE_WEIGHTS)[number][0];

const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

/** "Hélène" → "helene", "Łukasz" → "lukasz", "D'Amico" → "damico". */
export function emailPart(name: string): string {
  const folded = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßøłæœđı]/g, (c) => FOLD[c] ?? '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return folded || 'staff';
}

/**
 * Names and emails for `count` generated staff accounts. The same seed always gives the same
 * people. faker is loaded on first use only: it is an ES module of a few MB that the API needs
 * only when it seeds.
 */
export async function generateStaffIdentities(seed: number, count: number): Promise<DemoStaffIdentity[]> {
  if (count <= 0) return [];
  const faker = await import('@faker-js/faker');
  const fakers = new Map<LocaleName, InstanceType<typeof faker.Faker>>();
  for (const [name] of LOCALE_WEIGHTS) {
    const instance = new faker.Faker({ locale: [faker.allLocales[name], faker.en, faker.base] });
    instance.seed(seed);
    fakers.set(name, instance);
  }
  const random = new SeededRandom(seed ^ 0x5eed);
  const people: DemoStaffIdentity[] = [];
  for (let i = 1; i <= count; i++) {
    const f = fakers.get(random.weighted(LOCALE_WEIGHTS)) as InstanceType<typeof faker.Faker>;
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    // The running number keeps emails unique however often a name repeats.
    people.push({ displayName: `${firstName} ${lastName}`, email: `${emailPart(firstName)}.${emailPart(lastName)}.${i}@${STAFF_EMAIL_DOMAIN}` });
  }
  return people;
}
