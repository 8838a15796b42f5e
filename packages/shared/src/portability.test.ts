// src/ must run unchanged in the browser and in Node: no Node built-ins, no DOM, no process/Buffer.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('./', import.meta.url);

function sourceFiles(dir: URL, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return sourceFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
      ? [`${prefix}${entry.name}`]
      : [];
  });
}

const FORBIDDEN = [
  /from ['"]node:/,
  /from ['"](fs|path|crypto|os|http|https|url|buffer|process)['"]/,
  /\bBuffer\./,
  /\bprocess\./,
  /\b(window|document|localStorage)\./,
  /\brequire\(/,
];

describe('shared sources are portable', () => {
  const files = sourceFiles(root);
  it('found the sources', () => {
    expect(files).toContain('cidr.ts');
  });
  it.each(files)('%s uses no Node or DOM API', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const pattern of FORBIDDEN) expect(text, String(pattern)).not.toMatch(pattern);
  });
});
