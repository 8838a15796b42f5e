// A list's state in the URL (issue 18): what a list shows (search, filter, sort, page) lives in
// its query string, so a link shares it, a reload keeps it and back/forward walk it. Each list
// reads its keys with its own rules; a bad value falls back to the default, never a crash.
import { startTransition, useEffect, useEffectEvent, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Keys to set; undefined or '' removes the key (a default is left out of the URL). */
export type UrlPatch = Readonly<Record<string, string | number | undefined>>;

/**
 * The query string and a function that changes some of its keys. A change is a new history entry
 * (back undoes it) unless `replace` is set.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const change = (patch: UrlPatch, replace?: boolean) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace });
  };
  return [params, change] as const;
}

/**
 * A search box whose words live in the URL. The box shows what is typed at once; once typing
 * pauses for 250 ms, `commit` gets the trimmed words (when they differ from `inUrl`) and
 * writes them, replacing the history entry (typing is not a step to go back to). When the URL's
 * words change by themselves (back, forward, a link), the box shows them.
 */
export function useSearchBox(inUrl: string, commit: (words: string) => void) {
  // What was typed, and the words the URL had (or was being given) then: once the URL says
  // something else by itself, the box shows that.
  const [box, setBox] = useState({ typed: inUrl, inUrl });
  const typed = box.inUrl === inUrl ? box.typed : inUrl;
  const settle = useEffectEvent((words: string) => {
    if (words === inUrl) return;
    // One transition (the router's navigation is one): the box and the URL change together.
    startTransition(() => {
      setBox({ typed, inUrl: words });
      commit(words);
    });
  });
  useEffect(() => {
    const timer = setTimeout(() => {
      settle(typed.trim());
    }, 250);
    return () => {
      clearTimeout(timer);
    };
  }, [typed]);
  return [
    typed,
    (next: string) => {
      setBox({ typed: next, inUrl });
    },
  ] as const;
}
