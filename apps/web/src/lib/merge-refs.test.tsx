import { render, screen } from '@testing-library/react';
import { createRef, useState } from 'react';
import type { Ref } from 'react';
import { describe, expect, it } from 'vitest';
import { useMergeRefs } from './merge-refs';

function Merged({
  refs,
  show,
}: {
  refs: readonly (Ref<HTMLDivElement> | undefined)[];
  show: boolean;
}) {
  const ref = useMergeRefs(refs);
  const [key] = useState('node');
  return show ? <div key={key} ref={ref} data-testid="node" /> : null;
}

describe('useMergeRefs', () => {
  it('sets an object ref and calls a callback ref with the node, and clears both on unmount', () => {
    const objectRef = createRef<HTMLDivElement>();
    const calls: (HTMLDivElement | null)[] = [];
    const callbackRef = (node: HTMLDivElement | null) => {
      calls.push(node);
    };
    const refs = [objectRef, callbackRef, undefined];
    const { getByTestId, rerender } = render(<Merged refs={refs} show />);
    const node = getByTestId('node');
    expect(objectRef.current).toBe(node);
    expect(calls).toEqual([node]);
    rerender(<Merged refs={refs} show={false} />);
    expect(objectRef.current).toBeNull();
    expect(calls).toEqual([node, null]);
  });

  it('runs the cleanup a callback ref returns instead of calling it with null', () => {
    const events: string[] = [];
    const callbackRef = (node: HTMLDivElement | null) => {
      events.push(node === null ? 'null' : 'set');
      return () => {
        events.push('cleanup');
      };
    };
    const refs = [callbackRef];
    const { rerender } = render(<Merged refs={refs} show />);
    rerender(<Merged refs={refs} show={false} />);
    expect(events).toEqual(['set', 'cleanup']);
  });

  it('gives no ref when every ref is empty', () => {
    function Probe() {
      const merged = useMergeRefs<HTMLDivElement>([undefined, null]);
      return <p>{merged === null ? 'no ref' : 'a ref'}</p>;
    }
    render(<Probe />);
    expect(screen.getByText('no ref')).toBeInTheDocument();
  });
});
