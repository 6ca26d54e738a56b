import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './children';

export interface ProductionStart {
  env: Record<string, string>;
  nodeArgs: string[];
}

/**
 * The environment variables and node flags of `npm run start:prod`, read from package.json: the
 * bench's API runs with exactly what production runs with (malloc and V8 heap settings change the
 * RSS the bench reports by a hundred MiB or more), and a change there reaches the bench by itself.
 */
export function productionStart(script = readStartScript()): ProductionStart {
  const tokens = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < tokens.length && /^[A-Z_][A-Z0-9_]*=/.test(tokens[i]); i++) {
    const at = tokens[i].indexOf('=');
    env[tokens[i].slice(0, at)] = tokens[i].slice(at + 1);
  }
  if (tokens[i] !== 'node') throw new Error(`start:prod: expected "[VAR=value …] node [--flag …] <main>", got "${script}"`);
  const nodeArgs: string[] = [];
  for (i++; i < tokens.length && tokens[i].startsWith('--'); i++) nodeArgs.push(tokens[i]);
  return { env, nodeArgs };
}

function readStartScript(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts['start:prod'];
}
