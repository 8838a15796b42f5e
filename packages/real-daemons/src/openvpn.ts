import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Lab, LabProcess } from './lab';

/**
 * One OpenVPN 2.6 process (server or client) inside one lab namespace, configured from a config
 * text. Its log is its stdout; tests wait on the daemon's own words ("Initialization Sequence
 * Completed", a VERIFY ERROR, AUTH_FAILED) with a deadline instead of sleeping.
 */
export const OPENVPN_BINARY = '/usr/sbin/openvpn';

export const CONNECTED = /Initialization Sequence Completed/;

export class OpenVpn {
  readonly name: string;
  readonly ns: string;
  readonly logPath: string;
  readonly #lab: Lab;
  readonly #process: LabProcess;

  constructor(lab: Lab, ns: string, name: string, logPath: string, process_: LabProcess) {
    this.#lab = lab;
    this.ns = ns;
    this.name = name;
    this.logPath = logPath;
    this.#process = process_;
  }

  async log(): Promise<string> {
    return existsSync(this.logPath) ? readFile(this.logPath, 'utf8') : '';
  }

  /** Whether the process has ended (an invalid config, a refused client with `--auth-retry none`). */
  get exited(): boolean {
    return this.#process.child.exitCode !== null || this.#process.child.signalCode !== null;
  }

  /**
   * Waits until the log matches `pattern`; false after `timeoutMs` or once the process has ended
   * without it (checked once more after the end, so its last words count).
   */
  async waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() <= deadline) {
      if (pattern.test(await this.log())) return true;
      if (this.exited) return pattern.test(await this.log());
      await sleep(25);
    }
    return false;
  }

  async logTail(lines = 30): Promise<string> {
    return (await this.log()).split('\n').slice(-lines).join('\n');
  }

  stop(): Promise<void> {
    return this.#lab.stop(this.#process);
  }
}

export interface OpenVpnOptions {
  /** Short name for files and messages (`server`, `client`). */
  readonly name: string;
  /** The whole configuration (inline `<ca>`, `<cert>`, `<key>` blocks allowed). */
  readonly config: string;
  /** Extra command-line options (e.g. `['--auth-retry', 'none']` so a refused client exits). */
  readonly args?: readonly string[];
}

export async function startOpenVpn(
  lab: Lab,
  ns: string,
  options: OpenVpnOptions,
): Promise<OpenVpn> {
  if (!existsSync(OPENVPN_BINARY)) {
    throw new Error(
      `${OPENVPN_BINARY} is missing: install openvpn (scripts/ensure-daemons.sh does)`,
    );
  }
  if (!/^[a-z0-9-]{1,20}$/.test(options.name)) throw new Error(`bad openvpn name ${options.name}`);
  const dir = join(lab.dir, `openvpn-${options.name}`);
  await mkdir(dir, { recursive: true });
  const configPath = join(dir, 'openvpn.conf');
  await writeFile(configPath, options.config, { mode: 0o600 });
  const logPath = join(dir, 'openvpn.log');
  const process_ = lab.spawn(
    ns,
    [OPENVPN_BINARY, '--cd', dir, '--config', configPath, ...(options.args ?? [])],
    { outputFile: logPath },
  );
  return new OpenVpn(lab, ns, options.name, logPath, process_);
}
