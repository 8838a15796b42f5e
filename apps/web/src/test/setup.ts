// Component-test environment: jsdom gaps Mantine needs, a fetch that answers only what a test
// declared, and a failure on any console.error or unexpected request.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { FakeEventSource } from './fake-event-source';
import { takeFetchProblems } from './fetch-mock';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {
    return undefined;
  }
  unobserve() {
    return undefined;
  }
  disconnect() {
    return undefined;
  }
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => undefined;
// Mantine's autosize textarea listens for web fonts; jsdom has no FontFaceSet.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}
// axe probes canvas for icon ligatures; jsdom has no canvas.
window.HTMLCanvasElement.prototype.getContext = () => null;

// Lazy route chunks are compiled on first use, and a loaded 2-core machine renders slowly: at
// load ~25 a page's chunk and first rows took more than 5 s. Every wait of the component tests
// (findBy*, waitFor) takes this one limit; none sets a shorter one of its own.
configure({ asyncUtilTimeout: 30_000 });

let consoleErrors: string[] = [];

beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  });
  vi.stubGlobal('EventSource', FakeEventSource);
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
  FakeEventSource.reset();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  const problems = takeFetchProblems();
  const errors = consoleErrors;
  consoleErrors = [];
  if (errors.length > 0) throw new Error(`console.error was called:\n${errors.join('\n')}`);
  if (problems.length > 0) throw new Error(`unexpected requests:\n${problems.join('\n')}`);
});
