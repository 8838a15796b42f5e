import { accessSync, constants } from 'node:fs';

/**
 * Whether this machine can run the real daemons. The only reasons to skip are the two a test
 * cannot change: not being root (namespaces, veth pairs and bind mounts need it) and a kernel
 * without TUN (kernel-libipsec and OpenVPN carry the data plane over /dev/net/tun). A missing
 * package is NOT a reason to skip: `scripts/ensure-daemons.sh` installs them, and a test that
 * finds one missing fails and says which.
 */
export type DaemonSupport = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function realDaemonSupport(): DaemonSupport {
  const uid = process.getuid?.();
  if (uid !== 0) {
    return {
      ok: false,
      reason: `real-daemon tests skipped: they need root (network namespaces, veth pairs, bind mounts); running as uid ${uid === undefined ? 'unknown' : String(uid)}`,
    };
  }
  try {
    accessSync('/dev/net/tun', constants.R_OK | constants.W_OK);
  } catch {
    return {
      ok: false,
      reason:
        'real-daemon tests skipped: /dev/net/tun is missing or not usable (the kernel has no TUN; kernel-libipsec and OpenVPN need it)',
    };
  }
  return { ok: true };
}

/**
 * Prints why a suite is skipped (once, on stdout, so a CI log shows it) and returns whether it
 * runs. Use as `describe.runIf(daemonsRunnable())(...)`.
 */
export function daemonsRunnable(support: DaemonSupport = realDaemonSupport()): boolean {
  if (!support.ok) process.stdout.write(`${support.reason}\n`);
  return support.ok;
}
