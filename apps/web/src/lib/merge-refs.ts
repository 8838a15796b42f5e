// `useMergeRefs` for Mantine's ScrollArea (Table's scroll container), which imports it from
// @floating-ui/react: that one import brought floating-ui's positioning engine (≈ 10 kB gzip)
// into every page with a table, the first screens included. vite.config.ts resolves that import
// of ScrollArea to this module; popovers, tooltips and selects still use floating-ui itself.
// Same behaviour as @floating-ui/react 0.27's useMergeRefs (MIT): one callback ref that sets
// every given ref, and calls the React 19 cleanup a callback ref returns (or the ref with null)
// before the node changes.
import { useCallback, useMemo, useRef } from 'react';
import type { Ref, RefCallback } from 'react';

export function useMergeRefs<T>(refs: readonly (Ref<T> | undefined)[]): RefCallback<T> | null {
  const cleanupRef = useRef<(() => void) | undefined>(undefined);
  const refEffect = useCallback((instance: T) => {
    const cleanups = refs.map((ref) => {
      if (ref == null) return undefined;
      if (typeof ref === 'function') {
        const refCleanup = ref(instance);
        return typeof refCleanup === 'function'
          ? refCleanup
          : () => {
              ref(null);
            };
      }
      ref.current = instance;
      return () => {
        ref.current = null;
      };
    });
    return () => {
      cleanups.forEach((refCleanup) => refCleanup?.());
    };
    // The refs themselves are the dependency list (as in floating-ui's hook): a new callback only
    // when one of them changes, however the caller builds the array.
    // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps
  }, refs);
  return useMemo(() => {
    if (refs.every((ref) => ref == null)) return null;
    return (value: T | null) => {
      if (cleanupRef.current) {
        cleanupRef.current();
        cleanupRef.current = undefined;
      }
      if (value != null) cleanupRef.current = refEffect(value);
    };
    // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps
  }, refs);
}
