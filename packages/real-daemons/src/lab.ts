import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runOk, type RunResult } from './run';

/**
 * A lab: throw-away network namespaces joined by veth pairs, and the daemons running in them.
 *
 * Every name the lab gives starts with `rd-<pid>-` (pid of the test process), so parallel test
 * runs never collide and a crashed run's leftovers can be recognised: `createLab` removes
 * namespaces of earlier runs whose process is gone. Interface names fit the kernel's 15
 * characters (`rd-<pid>-<n>`, n in base 36). Addresses are the caller's: use the documentation
 * ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and nothing routable.
 *
 * `teardown()` stops every process the lab started (by its pid, SIGTERM then SIGKILL), deletes
 * every namespace (which destroys the veth ends inside it) and the lab's private directory. It
 * runs everything even when one step fails, and also runs at process exit if a test forgot it.
 * `withLab(fn)` is the usual way in: it tears down in `finally`.
 */

export const LAB_PREFIX = 'rd-';
const prefix = `${LAB_PREFIX}${String(process.pid)}-`;
let sequence = 0;

function nextName(): string {
  sequence += 1;
  const name = `${prefix}${sequence.toString(36)}`;
  if (name.length > 15) throw new Error(`interface name ${name} exceeds 15 characters`);
  return name;
}

/** One end of a wire: the namespace and the /32 addresses it holds on that wire. */
export interface WireEnd {
  readonly ns: string;
  readonly addresses: readonly string[];
}

export interface SpawnOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Bind-mounts this directory on /run for the process only (a daemon with a compiled-in pid file). */
  readonly privateRun?: string;
  /** Where stdout and stderr go (appended). */
  readonly outputFile: string;
}

export interface LabProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null on a signal) when the process has ended. */
  readonly exited: Promise<number | null>;
}

const liveLabs = new Set<Lab>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lab of liveLabs) lab.teardownSync();
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes `rd-<pid>-…` namespaces whose test process no longer exists (a crashed earlier run). */
export async function sweepStaleNamespaces(): Promise<readonly string[]> {
  const listed = await run(['ip', 'netns', 'list']);
  const removed: string[] = [];
  for (const line of listed.stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const match = /^rd-(\d+)-/.exec(name);
    if (match?.[1] === undefined) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || pidAlive(pid)) continue;
    await run(['ip', 'netns', 'del', name]);
    removed.push(name);
  }
  return removed;
}

export class Lab {
  readonly dir: string;
  readonly #namespaces: string[] = [];
  readonly #processes: LabProcess[] = [];
  #tornDown = false;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Creates a namespace named `rd-<pid>-<n>-<label>` with its loopback up. */
  async namespace(label: string): Promise<string> {
    if (!/^[a-z0-9-]{1,20}$/.test(label)) throw new Error(`bad namespace label ${label}`);
    const name = `${nextName()}-${label}`;
    await runOk(['ip', 'netns', 'add', name]);
    this.#namespaces.push(name);
    await runOk(['ip', '-n', name, 'link', 'set', 'lo', 'up']);
    return name;
  }

  /**
   * Joins two namespaces with a veth pair ("the internet" between two peers): each end gets its
   * /32 addresses and a host route to each of the other end's addresses.
   */
  async wire(a: WireEnd, b: WireEnd): Promise<{ readonly a: string; readonly b: string }> {
    const ifA = nextName();
    const ifB = nextName();
    await runOk([
      'ip',
      '-n',
      a.ns,
      'link',
      'add',
      ifA,
      'type',
      'veth',
      'peer',
      'name',
      ifB,
      'netns',
      b.ns,
    ]);
    for (const [end, ifName, other] of [
      [a, ifA, b],
      [b, ifB, a],
    ] as const) {
      for (const address of end.addresses) {
        await runOk(['ip', '-n', end.ns, 'addr', 'add', `${address}/32`, 'dev', ifName]);
      }
      await runOk(['ip', '-n', end.ns, 'link', 'set', ifName, 'up']);
      for (const address of other.addresses) {
        await runOk(['ip', '-n', end.ns, 'route', 'add', `${address}/32`, 'dev', ifName]);
      }
    }
    return { a: ifA, b: ifB };
  }

  /**
   * A LAN inside one namespace (this kernel has no `dummy` interfaces): a veth pair whose first
   * end holds `address` (e.g. `198.51.100.1/26`), both ends up. Returns the addressed interface.
   */
  async lan(ns: string, address: string): Promise<string> {
    const inside = nextName();
    const outside = nextName();
    await runOk(['ip', '-n', ns, 'link', 'add', inside, 'type', 'veth', 'peer', 'name', outside]);
    await runOk(['ip', '-n', ns, 'addr', 'add', address, 'dev', inside]);
    await runOk(['ip', '-n', ns, 'link', 'set', inside, 'up']);
    await runOk(['ip', '-n', ns, 'link', 'set', outside, 'up']);
    return inside;
  }

  /** Runs a command inside a namespace to its end. */
  exec(
    ns: string,
    argv: readonly string[],
    options: { readonly timeoutMs?: number } = {},
  ): Promise<RunResult> {
    return run(['ip', 'netns', 'exec', ns, ...argv], options);
  }

  /** Pings `to` from the address `from` inside `ns`, up to `attempts` single pings; true if one came back. */
  async ping(ns: string, from: string, to: string, attempts = 3): Promise<boolean> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const result = await this.exec(ns, ['ping', '-n', '-c', '1', '-W', '1', '-I', from, to]);
      if (result.code === 0) return true;
    }
    return false;
  }

  /** Starts a long-running process inside a namespace; the lab stops it at teardown. */
  spawn(ns: string, argv: readonly string[], options: SpawnOptions): LabProcess {
    if (this.#tornDown) throw new Error('lab already torn down');
    const script =
      options.privateRun === undefined
        ? 'exec "$@"'
        : 'mount --bind "$RD_PRIVATE_RUN" /run && exec "$@"';
    const output = createWriteStream(options.outputFile, { flags: 'a' });
    const child = spawn('ip', ['netns', 'exec', ns, 'sh', '-c', script, 'sh', ...argv], {
      env: {
        ...process.env,
        ...options.env,
        ...(options.privateRun === undefined ? {} : { RD_PRIVATE_RUN: options.privateRun }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${argv.join(' ')}`);
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => {
        output.end();
        resolve(code);
      });
    });
    const process_: LabProcess = { pid, child, exited };
    this.#processes.push(process_);
    return process_;
  }

  /** Stops one process the lab started: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(process_: LabProcess, graceMs = 3_000): Promise<void> {
    if (process_.child.exitCode !== null || process_.child.signalCode !== null) return;
    process_.child.kill('SIGTERM');
    const timer = setTimeout(() => process_.child.kill('SIGKILL'), graceMs);
    await process_.exited;
    clearTimeout(timer);
  }

  /** Stops every process, deletes every namespace and the lab's directory; reports all failures at once. */
  async teardown(): Promise<void> {
    if (this.#tornDown) return;
    this.#tornDown = true;
    liveLabs.delete(this);
    const failures: string[] = [];
    for (const process_ of this.#processes) {
      await this.stop(process_).catch((error: unknown) => failures.push(String(error)));
    }
    for (const ns of this.#namespaces) {
      const result = await run(['ip', 'netns', 'del', ns]);
      if (result.code !== 0) failures.push(`ip netns del ${ns}: ${result.stderr.trim()}`);
    }
    await rm(this.dir, { recursive: true, force: true }).catch((error: unknown) =>
      failures.push(String(error)),
    );
    if (failures.length > 0) throw new Error(`lab teardown: ${failures.join('; ')}`);
  }

  /** Best-effort teardown for process exit (synchronous: no promises run then). */
  teardownSync(): void {
    if (this.#tornDown) return;
    this.#tornDown = true;
    for (const process_ of this.#processes) process_.child.kill('SIGKILL');
    for (const ns of this.#namespaces) {
      try {
        execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
  }

  /** The namespaces this lab created (for assertions and diagnostics). */
  get namespaces(): readonly string[] {
    return [...this.#namespaces];
  }
}

/** Creates a lab (after sweeping a crashed run's leftovers) with its own temporary directory. */
export async function createLab(): Promise<Lab> {
  await sweepStaleNamespaces();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const lab = new Lab(dir);
  liveLabs.add(lab);
  installExitHook();
  return lab;
}

/** Runs `fn` with a fresh lab and always tears it down, whether `fn` passed or threw. */
export async function withLab<T>(fn: (lab: Lab) => Promise<T>): Promise<T> {
  const lab = await createLab();
  try {
    return await fn(lab);
  } finally {
    await lab.teardown();
  }
}
