import { ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(__dirname, '../..');
/** `-r @swc-node/register`: runs TypeScript with the tsconfig path aliases, no build step. */
export const SWC_NODE = ['-r', '@swc-node/register'];

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('could not get a free port');
  return address.port;
}

/** Keeps the last `limit` characters a child printed, so memory stays bounded on a chatty child. */
export class OutputTail {
  private text = '';
  constructor(private readonly limit = 64_000) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

export interface Child {
  name: string;
  process: ChildProcess;
  output: OutputTail;
  /** lines the child printed on stdout/stderr, for the log scan (bounded) */
  lines: string[];
  exited: Promise<number | null>;
  hasExited(): boolean;
}

const MAX_LINES = 5_000;
const children = new Set<Child>();

function track(name: string, proc: ChildProcess): Child {
  const output = new OutputTail();
  const lines: string[] = [];
  let partial = '';
  let exited = false;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim() && lines.length < MAX_LINES) lines.push(line);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const child: Child = {
    name,
    process: proc,
    output,
    lines,
    exited: new Promise((resolveExit) =>
      proc.once('exit', (code) => {
        exited = true;
        children.delete(child);
        resolveExit(code);
      }),
    ),
    hasExited: () => exited,
  };
  children.add(child);
  return child;
}

/** A long-lived child (API, baseline): its own node process, output captured, never a shell. */
export function startNode(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return track(name, proc);
}

/** A TypeScript child with an IPC channel (the load generator). */
export function forkTs(name: string, file: string, env: NodeJS.ProcessEnv): Child {
  const proc = fork(file, [], { cwd: ROOT, env, execArgv: SWC_NODE, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  return track(name, proc);
}

/**
 * A profiled API writes its profile while it exits (tens of MB on a busy machine): killed after
 * 5 s, the file was cut at 2 MiB and unreadable.
 */
export const PROFILING = /--(cpu-|heap-)?prof\b/.test(process.env.BENCH_API_NODE_ARGS ?? '');
const STOP_GRACE_MS = PROFILING ? 60_000 : 5_000;

/** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stop(child: Child, graceMs = STOP_GRACE_MS): Promise<void> {
  if (child.hasExited()) return;
  child.process.kill('SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout' as const);
  if ((await Promise.race([child.exited, timer])) === 'timeout' && !child.hasExited()) {
    child.process.kill('SIGKILL');
    await Promise.race([child.exited, sleep(2_000)]);
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stop(child)));
}

/** Kills what is left without waiting; for the last moment of an exit handler. */
export function killAllNow(): void {
  for (const child of children) if (!child.hasExited()) child.process.kill('SIGKILL');
}

/** Polls `url` until it answers 200; fails early if the child exits, and after `timeoutMs` at most. */
export async function waitForHttp(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.hasExited()) throw new Error(`${child.name} exited before it was ready:\n${child.output.toString().slice(-4_000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs / 1000}s (${last}):\n${child.output.toString().slice(-4_000)}`);
}

/** Runs a command to completion, bounded by `timeoutMs`. */
export async function runToEnd(
  args: string[],
  timeoutMs: number,
  options: { env?: NodeJS.ProcessEnv; name?: string } = {},
): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const child = track(options.name ?? 'build', proc);
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  return { code, output: child.output.toString() };
}

export interface ApiCommand {
  mode: 'build' | 'swc';
  args: string[];
  note: string;
  cleanup(): void;
}

/**
 * Production-like first: `nest build api` (tsc, as the Dockerfile would) into a private folder, then
 * `node <out>/apps/api/src/main.js`. Why not the shared dist/: nest-cli.json has deleteOutDir, so
 * building there would wipe a dist/ someone else may be running from. The folder sits under
 * node_modules/.cache so Node resolves the packages from the repo (and git ignores it). Only the
 * API's own sources are compiled, so an error in another app does not block the benchmark.
 * Falls back to swc-node (transpile on load) if the build fails.
 */
export async function prepareApi(preferred: 'build' | 'swc', log: (line: string) => void): Promise<ApiCommand> {
  const swc: ApiCommand = { mode: 'swc', args: [...SWC_NODE, 'apps/api/src/main.ts'], note: 'swc-node (transpiled on load)', cleanup: () => undefined };
  if (preferred === 'swc') return swc;
  const dir = join(ROOT, 'node_modules', '.cache', `baton-bench-${process.pid}-${Date.now().toString(36)}`);
  const outDir = join(dir, 'out');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    mkdirSync(dir, { recursive: true });
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify(
        {
          extends: join(ROOT, 'tsconfig.build.json'),
          compilerOptions: { outDir, sourceMap: false },
          include: ['apps/api/**/*.ts', 'libs/**/*.ts', 'migrations/**/*.ts'].map((p) => join(ROOT, p)),
          exclude: [join(ROOT, 'node_modules'), join(ROOT, '**/*.spec.ts')],
        },
        null,
        2,
      ),
    );
    log('building the API (nest build api, tsc) …');
    const started = Date.now();
    const nest = join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
    // The CLI resolves -p against the working directory, so give it a relative path.
    const { code, output } = await runToEnd([nest, 'build', 'api', '-p', relative(ROOT, tsconfig)], 180_000);
    const main = join(outDir, 'apps', 'api', 'src', 'main.js');
    if (code !== 0 || !existsSync(main)) {
      log(`nest build failed (exit ${code}); falling back to swc-node.\n${output.slice(-2_000)}`);
      cleanup();
      return swc;
    }
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return { mode: 'build', args: [main], note: 'nest build (tsc) → node main.js', cleanup };
  } catch (error) {
    log(`nest build failed (${(error as Error).message}); falling back to swc-node.`);
    cleanup();
    return swc;
  }
}
