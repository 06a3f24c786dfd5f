/** Small helpers shared by the benchmark's orchestrator and its measurement phases. */
import { readFileSync as readProcFile } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function max(values: readonly number[]): number {
  return values.reduce((a, b) => Math.max(a, b), 0);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Forces full collections (the phases run with --expose-gc). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

/**
 * The longest time the event loop could not run a 1 ms timer: catches every synchronous
 * block on the thread (our code, structured-clone decoding, GC pauses).
 */
export class BlockMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });

  start(): this {
    this.histogram.reset();
    this.histogram.enable();
    return this;
  }

  /** Longest observed delay in ms (the histogram reports ns, including the 1 ms resolution). */
  stop(): number {
    this.histogram.disable();
    const value = this.histogram.max / 1e6;
    return Number.isFinite(value) && value > 0 ? Math.max(0, value - 1) : 0;
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc; undefined elsewhere): what a phase used, and what other
// processes used meanwhile, since this 2-core machine may be shared with other jobs.


/** Linux reports /proc times in USER_HZ ticks, 100 per second on every mainstream kernel. */
const TICK_MS = 10;

/** Busy CPU time of the whole machine so far (all cores), in ms. */
export function machineBusyMs(): number | undefined {
  try {
    const line = readProcFile('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** CPU time of this process plus its reaped children (spawnSync'd phases and CLI runs), in ms. */
export function ownAndChildrenCpuMs(): number | undefined {
  try {
    const stat = readProcFile('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // Fields 14–17 of /proc/PID/stat (utime, stime, cutime, cstime); `fields` starts at field 3.
    return ((fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0)) * TICK_MS;
  } catch {
    return undefined;
  }
}

export interface CpuWindow {
  /** CPU used by this process tree during the window (ms, all threads). */
  readonly cpuMs: number;
  /** Average number of cores other processes kept busy during the window. */
  readonly othersCores: number;
}

export function cpuWindow(): () => CpuWindow | undefined {
  const busy0 = machineBusyMs();
  const own0 = ownAndChildrenCpuMs();
  const start = performance.now();
  return () => {
    const busy1 = machineBusyMs();
    const own1 = ownAndChildrenCpuMs();
    const wall = performance.now() - start;
    if (busy0 === undefined || busy1 === undefined || own0 === undefined || own1 === undefined || wall <= 0) return undefined;
    const cpuMs = own1 - own0;
    return { cpuMs, othersCores: Math.max(0, (busy1 - busy0 - cpuMs) / wall) };
  };
}
