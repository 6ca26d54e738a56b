import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Auth is a mechanism: what exists to be permitted, and who gets it, is declared by the domain
 * libs (`<lib>.permissions.ts`). This fails when a domain word creeps back into auth, which is
 * how the old central permission list grew. Two things are allowed on purpose: the generic role
 * names (role.ts, and `Role.X` where they are used), and the scope axes every grant row carries (event, organisation, venue, team).
 */
const DOMAIN_WORDS = [
  'staff',
  'shift',
  'roster',
  'assignment',
  'attendance',
  'check-in',
  'availability',
  'alumni',
  'alumnus',
  'credential',
  'games record',
  'skill',
  'audit',
  'outbox',
  'job',
  'opportunit',
  'application',
  'talent',
  'privacy',
  'consent',
  'recruit',
  'endorse',
  'invitation',
  'identity',
  'cv',
];
const EXEMPT = new Set(['role.ts', 'domain-free.spec.ts']);

describe('libs/auth stays free of domain words', () => {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !EXEMPT.has(f));

  it('reads the files it guards', () => {
    expect(files).toEqual(expect.arrayContaining(['permission.ts', 'permission-registry.ts', 'actor.ts', 'access.service.ts', 'auth.guard.ts']));
  });

  it.each(DOMAIN_WORDS)('no file mentions "%s"', (word) => {
    const pattern = new RegExp(`\\b${word.replace('-', '[- ]?')}`, 'i');
    const hits = files.flatMap((file) =>
      readFileSync(join(__dirname, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => pattern.test(line.replace(/\bRole\.[A-Z]+/g, '')))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });
});
