// How the BFF's V8 trades speed for memory (issues 16 and 18). One definition of the node flags:
// package.json's `start` runs `node <START_NODE_FLAGS> dist/server.js` (a test checks it), and
// the benchmark starts its built BFF with the same flags (bench/build-child.ts).
import v8 from 'node:v8';

/**
 * - `--optimize-for-size`: V8 grows its heap less eagerly and keeps a smaller young generation.
 *   The BFF's memory is mostly thousands of long-lived event streams (a socket, its request and
 *   response objects); with V8's defaults the heap kept growing well past what they hold
 *   (measured on 5,000 open streams: 24 KB of RSS per stream with the defaults, 16 KB with it).
 * - `--max-semi-space-size=SEMI_SPACE_MB`: the young generation's cap, read only when the heap is
 *   set up (so only on the command line). Streams are long-lived: a large nursery only holds
 *   garbage longer before a scavenge.
 */
const SEMI_SPACE_MB = 2;
/** The flags V8 still honours when set after start (others need the command line). */
const RUNTIME_FLAGS: readonly string[] = ['--optimize-for-size'];
export const START_NODE_FLAGS: readonly string[] = [
  ...RUNTIME_FLAGS,
  `--max-semi-space-size=${String(SEMI_SPACE_MB)}`,
];

/**
 * Called first thing by the server: a server started without the `start` script's flags (under
 * tsx in development, or `node dist/server.js` by hand) still gets those V8 honours at run time;
 * they then apply to the heap's growth from that moment.
 */
export const favourMemory = (): void => {
  for (const flag of RUNTIME_FLAGS) {
    if (!process.execArgv.includes(flag)) v8.setFlagsFromString(flag);
  }
};
