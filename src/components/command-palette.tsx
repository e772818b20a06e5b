// Ctrl/Cmd+K: a modal search over the tool registry, driven entirely from the keyboard.
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { TOOLS } from '../tools/registry.ts';
import { searchTools } from '../tools/search.ts';
import type { ToolMeta } from '../tools/tool-meta.ts';
import { toolRoute } from './tool-link.tsx';

export function CommandPalette() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const listId = useId();
  const results = searchTools(TOOLS, query);
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));

  const open = () => {
    setQuery('');
    setActive(0);
    dialog.current?.showModal();
    input.current?.focus();
  };
  const close = () => {
    dialog.current?.close();
  };
  const choose = (tool: ToolMeta | undefined) => {
    if (!tool) return;
    close();
    void navigate({ to: toolRoute(tool) });
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (dialog.current?.open) close();
        else open();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  });

  const onInputKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : results.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results[activeIndex]);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <>
      <button type="button" className="btn" onClick={open} aria-keyshortcuts="Control+K Meta+K">
        <span>Search tools</span>
        <kbd className="hidden rounded border border-line px-1 font-mono text-xs text-muted sm:inline">
          Ctrl K
        </kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Command palette"
        className="m-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/50"
        onClick={(event) => {
          if (event.target === dialog.current) close();
        }}
      >
        <div className="flex flex-col gap-2 p-3">
          <input
            ref={input}
            role="combobox"
            aria-label="Search tools"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
            placeholder="Type a tool name or keyword…"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onInputKeyDown}
            className="w-full"
          />
          <ul id={listId} role="listbox" aria-label="Tools found" className="flex flex-col gap-1">
            {results.map((tool, index) => (
              <li
                key={tool.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className={`cursor-pointer rounded-md px-3 py-2 ${index === activeIndex ? 'bg-accent text-accent-ink' : 'hover:bg-sunken'}`}
                onClick={() => {
                  choose(tool);
                }}
                onMouseMove={() => {
                  setActive(index);
                }}
              >
                <span className="font-semibold">{tool.title}</span>
                <span className="block text-sm opacity-80">{tool.summary}</span>
              </li>
            ))}
          </ul>
          {results.length === 0 && (
            <p role="status" className="px-3 py-2 text-sm text-muted">
              No tool matches “{query}”.
            </p>
          )}
          <p className="px-1 text-xs text-muted">↑ ↓ to move · Enter to open · Esc to close</p>
        </div>
      </dialog>
    </>
  );
}
