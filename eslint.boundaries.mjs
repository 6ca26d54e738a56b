// @ts-check
/**
 * Lib boundaries, derived from one source: the `@baton/*` paths of tsconfig.json. Their order is
 * the layer order: a lib may import only libs listed before it, so two libs can never import each
 * other, and a lib added at the end of the paths is covered the moment it exists. What kind a lib
 * is decides the rest:
 * - platform (listed below): what every feature stands on; never imports a domain lib;
 * - domain (every other lib, so a new one needs no edit here);
 * - composition: puts the modules together; may import any lib, only apps import it;
 * - migrations: frozen history; imports no lib; only the composition root (and tests) import it.
 * Apps may import any lib. Nothing reaches another lib or app by a relative path.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.json'), 'utf8'));

const PLATFORM = new Set(['config', 'core', 'auth', 'database', 'observability', 'graphql', 'pubsub', 'audit', 'queue', 'outbox', 'crypto']);
const COMPOSITION = 'composition';
const MIGRATIONS = 'migrations';

/** @typedef {{ name: string; alias: string; dir: string; kind: 'platform' | 'domain' | 'composition' | 'migrations'; rank: number }} Lib */
/** @type {Lib[]} */
export const libs = Object.entries(tsconfig.compilerOptions.paths)
  .filter(([alias]) => alias.startsWith('@baton/'))
  .map(([alias, [target]], rank) => {
    const name = alias.slice('@baton/'.length);
    const dir = target.replace(/^\.\//, '').replace(/\/(src\/)?index\.ts$/, '');
    const kind = name === COMPOSITION ? 'composition' : name === MIGRATIONS ? 'migrations' : PLATFORM.has(name) ? 'platform' : 'domain';
    return { name, alias, dir, kind, rank };
  });

const unknownPlatform = [...PLATFORM].filter((name) => !libs.some((lib) => lib.name === name));
if (unknownPlatform.length) throw new Error(`eslint.boundaries.mjs: platform libs missing from tsconfig paths: ${unknownPlatform.join(', ')}`);

/** Why `from` may not import `to`, or null when it may. */
function refusal(/** @type {Lib} */ from, /** @type {Lib} */ to) {
  if (from === to) return `Inside ${from.dir}, import by a relative path, not through ${to.alias}.`;
  if (from.kind === 'migrations') return 'A migration imports no lib: it must mean the same thing when the code changes.';
  if (to.kind === 'migrations') return from.kind === 'composition' ? null : 'Only the composition root hands the migrations to the database.';
  if (to.kind === 'composition') return 'Only apps import the composition root.';
  if (from.kind === 'composition') return null;
  if (from.kind === 'platform' && to.kind === 'domain') return 'A platform lib must not import a domain lib.';
  if (to.rank > from.rank) return `${to.alias} comes after ${from.alias} in the tsconfig paths, which are the layer order: move the shared part down.`;
  return null;
}

/** One no-restricted-imports block per lib: the libs it may not import, each with the reason. */
export const boundaryConfigs = libs.map((from) => ({
  files: [`${from.dir}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: libs.flatMap((to) => {
          const message = refusal(from, to);
          return message ? [{ name: to.alias, message }] : [];
        }),
      },
    ],
  },
}));

/** The folder a file belongs to for the relative-import rule: its lib, its app, or none. */
function ownerDir(/** @type {string} */ file) {
  const path = relative(root, file).split(sep).join('/');
  const lib = libs.find((l) => path.startsWith(`${l.dir}/`));
  if (lib) return lib.dir;
  const app = /^apps\/[^/]+\//.exec(path);
  return app ? app[0].slice(0, -1) : null;
}

/** A relative import must stay inside its own lib or app (`../../../migrations` does not). */
const noRelativeEscape = {
  meta: { type: 'problem', schema: [], messages: { escape: '"{{source}}" leaves {{owner}}: import other libs through @baton/<lib>.' } },
  create(/** @type {any} */ context) {
    const owner = ownerDir(context.filename);
    if (!owner) return {};
    const ownerPath = resolve(root, owner);
    const check = (/** @type {any} */ node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(context.filename), source);
      if (target !== ownerPath && !target.startsWith(ownerPath + sep)) context.report({ node: node.source, messageId: 'escape', data: { source, owner } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const batonPlugin = { rules: { 'no-relative-escape': noRelativeEscape } };
