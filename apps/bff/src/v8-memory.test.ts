import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { START_NODE_FLAGS } from './v8-memory';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the node flags', () => {
  it('are the ones package.json starts the built server with', () => {
    const pkg = JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(pkg.scripts.start).toBe(['node', ...START_NODE_FLAGS, 'dist/server.js'].join(' '));
  });
});
