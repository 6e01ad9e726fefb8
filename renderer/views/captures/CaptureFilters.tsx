// Filter bar above the list: verdict, task id and free text (path, headers, body). Text inputs are
// debounced so typing does not hammer the store; `/` focuses the search box.
import { useEffect, useRef, useState } from 'react';
import type { Verdict } from '../../../shared/model';
import { useApp } from '../../state/store';

const VERDICTS: { value: Verdict | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'valid', label: 'Valid' },
  { value: 'invalid', label: 'Invalid' },
  { value: 'unverified', label: 'Unverified' },
];

/** Applies `value` after `ms` of quiet; only when it differs from what was last applied. */
function useDebounced(value: string, apply: (v: string) => void, ms = 250) {
  const applyRef = useRef(apply);
  const applied = useRef(value);
  useEffect(() => {
    applyRef.current = apply;
  });
  useEffect(() => {
    if (value === applied.current) return;
    const t = setTimeout(() => {
      applied.current = value;
      applyRef.current(value);
    }, ms);
    return () => clearTimeout(t);
  }, [value, ms]);
}

export function CaptureFilters() {
  const filters = useApp((s) => s.filters);
  const setFilters = useApp((s) => s.setFilters);
  const focusRequest = useApp((s) => s.searchFocusRequest);
  const itemCount = useApp((s) => s.items.length);
  const hasOlder = useApp((s) => s.olderCursor !== null);
  const clearCaptures = useApp((s) => s.clearCaptures);
  const showToast = useApp((s) => s.showToast);
  const onClear = async () => {
    if (!window.confirm('Delete every capture from the store? This cannot be undone.')) return;
    try {
      const n = await clearCaptures();
      showToast(`Deleted ${n.toLocaleString('en-US')} captures`);
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const [q, setQ] = useState(filters.q);
  const [taskId, setTaskId] = useState(filters.taskId);
  const searchRef = useRef<HTMLInputElement>(null);

  useDebounced(q, (v) => setFilters({ q: v }));
  useDebounced(taskId, (v) => setFilters({ taskId: v }));
  useEffect(() => {
    if (focusRequest > 0) searchRef.current?.focus();
  }, [focusRequest]);

  return (
    <div className="filters">
      <div className="segmented" role="radiogroup" aria-label="Verdict">
        {VERDICTS.map((v) => (
          <button
            key={v.value || 'all'}
            type="button"
            role="radio"
            aria-checked={filters.verdict === v.value}
            className={filters.verdict === v.value ? 'seg active' : 'seg'}
            data-testid={`verdict-filter-${v.value || 'all'}`}
            onClick={() => setFilters({ verdict: v.value })}
          >
            {v.label}
          </button>
        ))}
      </div>
      <input
        ref={searchRef}
        className="input search"
        type="search"
        placeholder="Search  ( / )"
        title="Searches path, query, headers and the start of the body"
        aria-label="Search captures"
        data-testid="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <input
        className="input task-filter mono"
        type="search"
        placeholder="Task id (or its start)"
        aria-label="Filter by task id"
        data-testid="task-filter"
        value={taskId}
        onChange={(e) => setTaskId(e.target.value)}
      />
      <span className="filters-count" title="Captures loaded in this view">
        {itemCount.toLocaleString('en-US')}
        {hasOlder ? '+' : ''} shown
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => void onClear()}
        data-testid="clear-captures"
        title="Delete all captures"
      >
        Clear
      </button>
    </div>
  );
}
