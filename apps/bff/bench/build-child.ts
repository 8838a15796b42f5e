// The benches' BFF as production runs it (issue 16): bench/bff-child.ts bundled by tsup with the
// server's own build options (tsup.config.ts), started by plain node with the `start` script's
// flags. Under tsx the same code costs 25–40 MB more RSS, which a memory figure must not count.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import serverBuild from '../tsup.config';
import { START_NODE_FLAGS } from '../src/v8-memory';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds the bench BFF (into dist/bench, beside the server's dist) and how to start it. */
export const builtBffChild = async (): Promise<{
  script: string;
  nodeFlags: readonly string[];
}> => {
  const outDir = path.join(here, '../dist/bench');
  const options: Options = {
    ...(serverBuild as Options),
    entry: { 'bff-child': path.join(here, 'bff-child.ts') },
    outDir,
    clean: false,
    sourcemap: false,
    silent: true,
  };
  await build(options);
  // The `start` script's flags (src/v8-memory.test.ts checks package.json names the same).
  return { script: path.join(outDir, 'bff-child.js'), nodeFlags: START_NODE_FLAGS };
};
