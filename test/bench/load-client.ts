import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Child, forkTs, ROOT } from './children';
import type { LoadCommand, LoadReply, LoadResult, VerifyResult } from './protocol';
import type { BenchContext } from './scenarios';

/** Omit over each member of a union (plain Omit would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The orchestrator's side of the autocannon process (load.ts): one request, one reply, each with a timeout. */
export class LoadClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: LoadReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(readonly child: Child) {
    child.process.on('message', (reply: LoadReply) => {
      if (reply.type === 'ready') return;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      clearTimeout(waiter.timer);
      this.pending.delete(reply.id);
      waiter.resolve(reply);
    });
    void child.exited.then((code) => {
      for (const [id, waiter] of this.pending) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`the load process exited (code ${code}):\n${child.output.toString().slice(-2_000)}`));
        this.pending.delete(id);
      }
    });
  }

  static async start(): Promise<LoadClient> {
    const child = forkTs('load', join(ROOT, 'test', 'bench', 'load.ts'), { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' });
    const ready = new Promise<void>((resolve) => child.process.on('message', (m: LoadReply) => m.type === 'ready' && resolve()));
    const timeout = sleep(60_000).then(() => 'timeout' as const);
    const outcome = await Promise.race([ready, child.exited.then(() => 'exited' as const), timeout]);
    if (outcome === 'timeout' || outcome === 'exited')
      throw new Error(`the load process did not start (${outcome}):\n${child.output.toString().slice(-2_000)}`);
    return new LoadClient(child);
  }

  private ask(command: WithoutId<LoadCommand>, timeoutMs: number): Promise<LoadReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the load process did not answer within ${timeoutMs / 1000}s`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.process.send({ ...command, id } as LoadCommand);
    });
  }

  async verify(scenario: string, ctx: BenchContext): Promise<VerifyResult> {
    const reply = await this.ask({ type: 'verify', scenario, ctx }, 30_000);
    if (reply.type === 'failed') throw new Error(`verifying ${scenario}: ${reply.message}`);
    if (reply.type !== 'verified') throw new Error(`verifying ${scenario}: unexpected reply ${reply.type}`);
    return reply.result;
  }

  async run(scenario: string, ctx: BenchContext, connections: number, durationSeconds: number, keepLatencies = false): Promise<LoadResult> {
    const timeoutSeconds = durationSeconds + 30;
    const reply = await this.ask({ type: 'run', scenario, ctx, connections, durationSeconds, timeoutSeconds, keepLatencies }, (timeoutSeconds + 10) * 1000);
    if (reply.type === 'failed') throw new Error(`loading ${scenario}: ${reply.message}`);
    if (reply.type !== 'result') throw new Error(`loading ${scenario}: unexpected reply ${reply.type}`);
    return reply.result;
  }
}
