import { readFileSync } from 'node:fs';
import type { Child } from './children';

/**
 * The API's resident memory while a scenario runs, and where it lives at the end of the run.
 * The end figure alone hid the peaks: V8 gives pages back some seconds after a burst, so the RSS
 * at the end depended on which scenario happened to run last.
 */

/** Resident memory of a process in MiB (Linux /proc), or null elsewhere. */
export function processRssMiB(pid: number | undefined): number | null {
  return statusMiB(pid, 'VmRSS');
}

/** A memory line of /proc/<pid>/status (VmRSS now, VmHWM the highest ever) in MiB, or null elsewhere. */
function statusMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (!pid) return null;
  try {
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** The highest RSS seen while a run lasts, sampled every 200 ms (a timer, so the sampler never blocks the run). */
export class RssSampler {
  private peak: number | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly child: Child) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
  }

  stop(): { peak: number | null; end: number | null } {
    clearInterval(this.timer);
    const end = this.sample();
    return { peak: this.peak, end };
  }

  private sample(): number | null {
    const rss = processRssMiB(this.child.process.pid);
    if (rss !== null && (this.peak === null || rss > this.peak)) this.peak = rss;
    return rss;
  }
}

export interface MemoryBreakdown {
  /** VmHWM: the highest RSS the process ever had */
  peakMiB: number | null;
  /** V8's heap, committed, per space (prom-client's nodejs_heap_space_size_total_bytes) */
  v8SpacesMiB: Record<string, number>;
  /** memory V8 knows of outside its heap: ArrayBuffers, Buffers (nodejs_external_memory_bytes) */
  externalMiB: number | null;
  /** from /proc/<pid>/smaps: glibc's main heap, other anonymous mappings, file-backed (the binary, libraries) */
  smapsMiB: { heap: number; anonymous: number; file: number } | null;
}

/** Read at the end of the rounds: which part of the RSS is V8's heap, which is off-heap, which is the binary. */
export async function memoryBreakdown(child: Child, apiUrl: string): Promise<MemoryBreakdown> {
  const pid = child.process.pid;
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const v8SpacesMiB: Record<string, number> = {};
  let externalMiB: number | null = null;
  try {
    const text = await (await fetch(`${apiUrl}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    for (const match of text.matchAll(/^nodejs_heap_space_size_total_bytes\{space="([^"]+)"\} (\d+)/gm)) v8SpacesMiB[match[1]] = mib(Number(match[2]));
    const external = /^nodejs_external_memory_bytes (\d+)/m.exec(text);
    if (external) externalMiB = mib(Number(external[1]));
  } catch {
    /* best effort: an API without /metrics still gets its RSS figures */
  }
  return { peakMiB: statusMiB(pid, 'VmHWM'), v8SpacesMiB, externalMiB, smapsMiB: smapsSplit(pid) };
}

function smapsSplit(pid: number | undefined): MemoryBreakdown['smapsMiB'] {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return null;
  }
  const kb = { heap: 0, anonymous: 0, file: 0 };
  let kind: keyof typeof kb = 'anonymous';
  for (const line of text.split('\n')) {
    // A mapping's header: "start-end perms offset dev inode [path]"; its Rss line follows.
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (header) {
      kind = header[2] === '[heap]' ? 'heap' : header[1] !== '0' ? 'file' : 'anonymous';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kb[kind] += Number(rss[1]);
  }
  return { heap: Math.round(kb.heap / 1024), anonymous: Math.round(kb.anonymous / 1024), file: Math.round(kb.file / 1024) };
}
