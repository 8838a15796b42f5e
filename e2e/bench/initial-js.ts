// The JavaScript a browser must fetch before the first route renders: the entry module of the
// built index.html and every chunk it preloads. Lazy chunks (wizards, other pages) are not counted.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface InitialJsFile {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export interface InitialJsReport {
  readonly files: readonly InitialJsFile[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/** Script and module-preload URLs of an index.html, in document order, without duplicates. */
function initialScriptUrls(html: string): string[] {
  const urls = new Set<string>();
  const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const isModuleScript = /^<script\b/i.test(tag) && /\btype=["']module["']/i.test(tag);
    const isModulePreload = /^<link\b/i.test(tag) && /\brel=["']modulepreload["']/i.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isModuleScript || isModulePreload) && url !== undefined) urls.add(url);
  }
  return [...urls];
}

export async function measureInitialJs(distDir: string): Promise<InitialJsReport> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const urls = initialScriptUrls(html);
  if (urls.length === 0) throw new Error(`no module script in ${distDir}/index.html`);
  const files: InitialJsFile[] = [];
  for (const url of urls) {
    const bytes = await readFile(path.join(distDir, url.replace(/^\//, '')));
    files.push({
      file: url,
      rawBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    });
  }
  return {
    files,
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
