// A "Copy …" button with a brief, announced confirmation.
import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard.ts';

type CopyState = 'idle' | 'copied' | 'failed';
const CONFIRMATION_MS = 1600;

interface CopyButtonProps {
  /** The text to copy, or a function that produces it on demand (for large outputs). */
  readonly value: string | (() => string);
  /** Names what is copied: the accessible name becomes "Copy <label>". */
  readonly label: string;
  readonly disabled?: boolean;
}

export function CopyButton({ value, label, disabled = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => {
      setState('idle');
    }, CONFIRMATION_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [state]);

  const copy = async () => {
    const text = typeof value === 'function' ? value() : value;
    setState((await copyText(text)) ? 'copied' : 'failed');
  };

  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        className="btn"
        aria-label={`Copy ${label}`}
        disabled={disabled}
        onClick={() => void copy()}
      >
        {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
      {/* Announced for screen readers; the button's own text is the visible confirmation. */}
      <span role="status" className="sr-only">
        {state === 'copied'
          ? `${capitalize(label)} copied`
          : state === 'failed'
            ? 'Copy failed: the browser refused clipboard access'
            : ''}
      </span>
    </span>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
