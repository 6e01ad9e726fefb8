// Filter bar above the list: verdict, task id and free text (path, headers, body). Text inputs are
// debounced so typing does not hammer the store; `/` focuses the search box. "Clear filters" only
// resets the filters; deleting every capture is a separate, confirmed "Delete all captures…".
// The verdict radio group is one Tab stop: arrow keys move between its options.
import { errorText } from '../../../shared/error-text';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CAPTURE_ORIGINS, type CaptureOrigin } from '../../../shared/model';
import { isFiltering, NO_FILTERS } from '../../state/captures-window';
import { ORIGIN_WORDS } from './OriginChip';
import type { Verdict } from '../../../shared/model';
import { getAppStore, useApp } from '../../state/store';

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
  const clearCaptures = useApp((s) => s.clearCaptures);
  const showToast = useApp((s) => s.showToast);
  const storeEmpty = useApp((s) => s.total === 0);
  const onDeleteAll = async () => {
    const total = getAppStore().getState().total;
    const what = `${total.toLocaleString('en-US')} capture${total === 1 ? '' : 's'}`;
    if (!window.confirm(`Delete all ${what} from the store? This cannot be undone.`)) return;
    try {
      const n = await clearCaptures();
      showToast(`Deleted ${n.toLocaleString('en-US')} captures`);
    } catch (err) {
      showToast(errorText(err), 'error');
    }
  };
  const [q, setQ] = useState(filters.q);
  const [taskId, setTaskId] = useState(filters.taskId);
  const searchRef = useRef<HTMLInputElement>(null);

  const filtering = isFiltering(filters) || q !== '' || taskId !== '';
  const onClearFilters = () => {
    setQ('');
    setTaskId('');
    setFilters(NO_FILTERS);
  };
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  const onRadioKey = (e: KeyboardEvent, at: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const jump = e.key === 'Home' ? 0 : e.key === 'End' ? VERDICTS.length - 1 : null;
    if (step === undefined && jump === null) return;
    e.preventDefault();
    const next = jump ?? (at + (step ?? 0) + VERDICTS.length) % VERDICTS.length;
    const v = VERDICTS[next];
    if (!v) return;
    setFilters({ verdict: v.value });
    radios.current[next]?.focus();
  };

  useDebounced(q, (v) => setFilters({ q: v }));
  useDebounced(taskId, (v) => setFilters({ taskId: v }));
  useEffect(() => {
    if (focusRequest > 0) searchRef.current?.focus();
  }, [focusRequest]);

  return (
    <div className="filters">
      <div className="segmented" role="radiogroup" aria-label="Verdict">
        {VERDICTS.map((v, i) => (
          <button
            key={v.value || 'all'}
            ref={(el) => {
              radios.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={filters.verdict === v.value}
            tabIndex={filters.verdict === v.value ? 0 : -1}
            onKeyDown={(e) => onRadioKey(e, i)}
            className={filters.verdict === v.value ? 'seg active' : 'seg'}
            data-testid={`verdict-filter-${v.value || 'all'}`}
            onClick={() => setFilters({ verdict: v.value })}
          >
            {v.label}
          </button>
        ))}
      </div>
      <select
        className="input origin-filter"
        aria-label="Origin"
        data-testid="origin-filter"
        value={filters.origin}
        onChange={(e) => setFilters({ origin: e.target.value as CaptureOrigin | '' })}
      >
        <option value="">Any origin</option>
        {CAPTURE_ORIGINS.map((o) => (
          <option key={o} value={o}>
            {ORIGIN_WORDS[o]}
          </option>
        ))}
      </select>
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
      <ShownCount />
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={onClearFilters}
        disabled={!filtering}
        data-testid="clear-filters"
      >
        Clear filters
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small btn-danger-text"
        onClick={() => void onDeleteAll()}
        disabled={storeEmpty}
        data-testid="clear-captures"
      >
        Delete all captures…
      </button>
    </div>
  );
}

/** How many captures the list holds: its own component, so a live batch re-renders this count
 *  and not the whole filter bar. */
function ShownCount() {
  const itemCount = useApp((s) => s.items.length);
  const hasOlder = useApp((s) => s.olderCursor !== null);
  return (
    <span className="filters-count" title="Captures loaded in this view">
      {itemCount.toLocaleString('en-US')}
      {hasOlder ? '+' : ''} shown
    </span>
  );
}
