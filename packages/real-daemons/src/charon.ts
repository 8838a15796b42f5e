import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Lab, LabProcess } from './lab';
import { run, type RunResult } from './run';
import { list, parseViciText, section, text, type ViciSection } from './vici-text';

/**
 * One strongSwan charon inside one lab namespace, driven through its own vici socket.
 *
 * What it takes on this kind of machine (see /work/shared/reference/real-daemons.md):
 * - the kernel has XFRM but no ESP, so `kernel-libipsec` (userspace ESP over /dev/net/tun) is
 *   loaded BEFORE `kernel-netlink`; ESP is then always UDP-encapsulated on port 4500;
 * - charon's pid file is compiled in (/var/run/charon.pid), so each instance gets a private
 *   directory bind-mounted on /run (inside the mount namespace `ip netns exec` creates);
 * - its own STRONGSWAN_CONF with an explicit `load` list and its own vici socket;
 * - low retransmit settings, or a failing IKEv1 exchange takes minutes.
 */

export const CHARON_BINARY = '/usr/lib/ipsec/charon';
const SWANCTL = 'swanctl';

/** The plugins, in load order: kernel-libipsec must come before kernel-netlink. */
export const CHARON_PLUGINS = [
  'random',
  'nonce',
  'aes',
  'sha1',
  'sha2',
  'md5',
  'hmac',
  'openssl',
  'pem',
  'pkcs1',
  'x509',
  'pubkey',
  'gmp',
  'kdf',
  'kernel-libipsec',
  'kernel-netlink',
  'socket-default',
  'vici',
] as const;

export interface ChildSa {
  readonly name: string;
  readonly state: string;
  readonly encrAlg: string | undefined;
  readonly encrKeysize: string | undefined;
  readonly integAlg: string | undefined;
  readonly dhGroup: string | undefined;
  readonly localTs: readonly string[];
  readonly remoteTs: readonly string[];
}

export interface IkeSa {
  readonly name: string;
  readonly version: string | undefined;
  readonly state: string | undefined;
  readonly localHost: string | undefined;
  readonly remoteHost: string | undefined;
  readonly encrAlg: string | undefined;
  readonly encrKeysize: string | undefined;
  readonly integAlg: string | undefined;
  readonly dhGroup: string | undefined;
  readonly children: readonly ChildSa[];
}

function toChild(key: string, value: ViciSection): ChildSa {
  return {
    name: text(value.name) ?? key,
    state: text(value.state) ?? 'UNKNOWN',
    encrAlg: text(value['encr-alg']),
    encrKeysize: text(value['encr-keysize']),
    integAlg: text(value['integ-alg']),
    dhGroup: text(value['dh-group']),
    localTs: list(value['local-ts']),
    remoteTs: list(value['remote-ts']),
  };
}

/** Reads `swanctl --list-sas --raw` output into SAs. */
export function parseListSas(output: string): IkeSa[] {
  const sas: IkeSa[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('list-sa event')) continue;
    const event = parseViciText(line);
    for (const [name, value] of Object.entries(event)) {
      const ike = section(value);
      const children = Object.entries(section(ike['child-sas'])).map(([key, child]) =>
        toChild(key, section(child)),
      );
      sas.push({
        name,
        version: text(ike.version),
        state: text(ike.state),
        localHost: text(ike['local-host']),
        remoteHost: text(ike['remote-host']),
        encrAlg: text(ike['encr-alg']),
        encrKeysize: text(ike['encr-keysize']),
        integAlg: text(ike['integ-alg']),
        dhGroup: text(ike['dh-group']),
        children,
      });
    }
  }
  return sas;
}

export interface CharonOptions {
  /** A short name for files and messages (e.g. `cloud`, `device`). */
  readonly name: string;
  /** Seconds before the first retransmit (default 1). */
  readonly retransmitTimeout?: number;
  /** Retransmits before giving up (default 2). */
  readonly retransmitTries?: number;
}

export class Charon {
  readonly name: string;
  readonly ns: string;
  readonly dir: string;
  readonly logPath: string;
  readonly uri: string;
  readonly #lab: Lab;
  readonly #process: LabProcess;
  readonly #conf: string;

  constructor(lab: Lab, ns: string, name: string, dir: string, process_: LabProcess) {
    this.#lab = lab;
    this.ns = ns;
    this.name = name;
    this.dir = dir;
    this.#process = process_;
    this.logPath = join(dir, 'charon.log');
    this.uri = `unix://${join(dir, 'run', 'charon.vici')}`;
    this.#conf = join(dir, 'strongswan.conf');
  }

  /** Runs swanctl against this daemon. */
  swanctl(args: readonly string[], timeoutMs = 30_000): Promise<RunResult> {
    return run([SWANCTL, ...args, '--uri', this.uri], {
      env: { ...process.env, STRONGSWAN_CONF: this.#conf },
      timeoutMs,
    });
  }

  /** Loads a swanctl.conf text (connections and secrets); throws with swanctl's words if refused. */
  async load(swanctlConf: string): Promise<void> {
    const file = join(this.dir, 'swanctl', 'swanctl.conf');
    await writeFile(file, swanctlConf);
    const result = await this.swanctl(['--load-all', '--noprompt', '--file', file]);
    const refused = /failed|discarded|ignored/i.test(
      result.stdout
        .split('\n')
        .filter((line) => !line.startsWith('opening directory'))
        .join('\n'),
    );
    if (result.code !== 0 || refused) {
      throw new Error(
        `${this.name}: swanctl refused the configuration:\n${result.stdout}${result.stderr}`,
      );
    }
  }

  /**
   * Initiates a CHILD_SA (and its IKE_SA) and waits for the outcome; `output` is the IKE log
   * swanctl streams while it negotiates (what the failure said, e.g. AUTHENTICATION_FAILED).
   */
  async initiate(child: string, timeoutSeconds = 15): Promise<{ ok: boolean; output: string }> {
    const result = await this.swanctl(
      ['--initiate', '--child', child, '--timeout', String(timeoutSeconds)],
      (timeoutSeconds + 5) * 1000,
    );
    return { ok: result.code === 0, output: `${result.stdout}${result.stderr}` };
  }

  /** Rekeys a CHILD_SA (IKEv2 shows a PFS mismatch only then). */
  rekey(child: string): Promise<RunResult> {
    return this.swanctl(['--rekey', '--child', child]);
  }

  async listSas(): Promise<IkeSa[]> {
    const result = await this.swanctl(['--list-sas', '--raw']);
    if (result.code !== 0) throw new Error(`${this.name}: swanctl --list-sas: ${result.stderr}`);
    return parseListSas(result.stdout);
  }

  /**
   * Waits until a CHILD_SA with this name is INSTALLED (polling swanctl), or throws with the
   * daemon's log tail after `timeoutMs`.
   */
  async waitForChildSa(child: string, timeoutMs = 15_000): Promise<{ ike: IkeSa; child: ChildSa }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const ike of await this.listSas()) {
        const found = ike.children.find((c) => c.name === child && c.state === 'INSTALLED');
        if (ike.state === 'ESTABLISHED' && found !== undefined) return { ike, child: found };
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name}: no INSTALLED CHILD_SA ${child}; log tail:\n${await this.logTail()}`,
        );
      }
      await sleep(100);
    }
  }

  async log(): Promise<string> {
    return existsSync(this.logPath) ? readFile(this.logPath, 'utf8') : '';
  }

  async logTail(lines = 40): Promise<string> {
    return (await this.log()).split('\n').slice(-lines).join('\n');
  }

  /** Waits until the log contains `pattern` (e.g. after a rekey), or returns false after `timeoutMs`. */
  async waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() <= deadline) {
      if (pattern.test(await this.log())) return true;
      await sleep(100);
    }
    return false;
  }

  stop(): Promise<void> {
    return this.#lab.stop(this.#process);
  }
}

function strongswanConf(dir: string, options: CharonOptions): string {
  return `# written by @vpn-console/real-daemons for one test daemon
charon {
  load_modular = no
  load = ${CHARON_PLUGINS.join(' ')}
  retransmit_timeout = ${String(options.retransmitTimeout ?? 1)}
  retransmit_tries = ${String(options.retransmitTries ?? 2)}
  retransmit_base = 1
  plugins {
    vici {
      socket = unix://${join(dir, 'run', 'charon.vici')}
    }
  }
  filelog {
    log {
      path = ${join(dir, 'charon.log')}
      default = 1
      ike = 2
      cfg = 2
      time_format = %T
      flush_line = yes
    }
  }
}
swanctl {
  load = pem pkcs1 x509 pubkey openssl random
}
`;
}

/** Starts charon in `ns` and waits for its vici socket. */
export async function startCharon(lab: Lab, ns: string, options: CharonOptions): Promise<Charon> {
  if (!existsSync(CHARON_BINARY)) {
    throw new Error(
      `${CHARON_BINARY} is missing: install strongswan-charon, strongswan-swanctl and libcharon-extra-plugins (scripts/ensure-daemons.sh does)`,
    );
  }
  if (!/^[a-z0-9-]{1,20}$/.test(options.name)) throw new Error(`bad charon name ${options.name}`);
  const dir = join(lab.dir, `charon-${options.name}`);
  await mkdir(join(dir, 'run'), { recursive: true });
  await mkdir(join(dir, 'swanctl'), { recursive: true });
  await rm(join(dir, 'run', 'charon.vici'), { force: true });
  const conf = join(dir, 'strongswan.conf');
  await writeFile(conf, strongswanConf(dir, options));
  const process_ = lab.spawn(ns, [CHARON_BINARY], {
    env: { STRONGSWAN_CONF: conf },
    privateRun: join(dir, 'run'),
    outputFile: join(dir, 'charon.out'),
  });
  const charon = new Charon(lab, ns, options.name, dir, process_);
  const socket = join(dir, 'run', 'charon.vici');
  for (let waited = 0; !existsSync(socket); waited += 50) {
    if (process_.child.exitCode !== null || waited > 10_000) {
      const out = existsSync(join(dir, 'charon.out'))
        ? await readFile(join(dir, 'charon.out'), 'utf8')
        : '';
      throw new Error(
        `charon ${options.name} did not open its vici socket:\n${out}\n${await charon.logTail()}`,
      );
    }
    await sleep(50);
  }
  return charon;
}
