// The result of async work on the current inputs: never an answer that belongs to older ones.
import { useEffect, useState } from 'react';

/**
 * Runs `compute` whenever an element of `inputs` changes (compared with Object.is) and returns
 * its result, or null until the run for exactly these inputs has finished. A superseded run's
 * result is dropped. Does not catch: `compute` must turn failures into values.
 */
export function useAsyncResult<T>(inputs: readonly unknown[], compute: () => Promise<T>): T | null {
  const [settled, setSettled] = useState<{ inputs: readonly unknown[]; value: T } | null>(null);
  useEffect(() => {
    const superseded = new AbortController();
    void compute().then((value) => {
      if (!superseded.signal.aborted) setSettled({ inputs, value });
    });
    return () => {
      superseded.abort();
    };
    // The inputs are the dependencies, by contract; `compute` is re-created on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs);
  const fresh =
    settled !== null &&
    settled.inputs.length === inputs.length &&
    settled.inputs.every((value, index) => Object.is(value, inputs[index]));
  return fresh ? settled.value : null;
}
