/** Small helpers the benchmarks share: statistics, process memory, machine facts, logging. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const started = Date.now();
/** A progress line on stderr with the time since the run began, so stdout stays the table. */
export function log(line: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${s}s] ${line}\n`);
}

/** The q-quantile (0..1) of the samples, by linear interpolation between closest ranks. */
export function quantile(samples: readonly number[], q: number): number {
  return quantileSorted([...samples].sort((a, b) => a - b), q);
}

/** The q-quantile of samples already sorted ascending (no copy: summaries of 100 000 latencies stay cheap). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarise(samples: readonly number[]): Summary {
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p);
  return { n: samples.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), mean };
}

/** Reads a `Vm…` line (kB) of /proc/<pid>/status; undefined when the process is gone. */
export function procStatusKb(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export const mb = (kb: number | undefined): string => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
export const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : 'n/a');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
export const int = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US').replace(/,/g, ' ') : 'n/a');

/** Machine facts printed beside the table: the figures mean little without them. */
export function machineInfo(extra: Record<string, string> = {}): Record<string, string> {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1]!;
  } catch {
    /* not Linux */
  }
  let java = 'unknown';
  try {
    // `java -version` writes to stderr.
    const bin = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
    java = execFileSync('sh', ['-c', `"${bin}" -version 2>&1 | head -1`], { encoding: 'utf8' }).trim() || java;
  } catch {
    /* no Java on the PATH: the run would have failed earlier */
  }
  return {
    cpus: `${cpus().length} (nproc)`,
    cpuModel,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    node: process.version,
    java,
    ...extra,
  };
}

/** Rejects when `promise` takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${limitMs / 1000} s`)), limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
