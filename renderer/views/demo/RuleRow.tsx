// One response rule in the editor: method, path glob, status, delay, body and "fail next" count
// (empty = every matching request). Values stay strings; demo-model validates them on save.
import type { RuleDraft } from './demo-model';

const FIELDS: { key: keyof Omit<RuleDraft, 'id' | 'body'>; label: string; hint: string }[] = [
  { key: 'method', label: 'Method', hint: '* or POST' },
  { key: 'path', label: 'Path', hint: '/webhook*' },
  { key: 'status', label: 'Status', hint: '500' },
  { key: 'delayMs', label: 'Delay ms', hint: '0' },
  { key: 'failNext', label: 'Fail next', hint: 'always' },
];

export function RuleRow(props: {
  draft: RuleDraft;
  onChange: (d: RuleDraft) => void;
  onRemove: () => void;
  /** Moves the rule one up (rules are ordered, first match wins); absent for the first. */
  onMoveUp?: () => void;
}) {
  const d = props.draft;
  return (
    <div className="demo-rule" data-testid="rule-row">
      {FIELDS.map((f) => (
        <label key={f.key} className={`demo-field demo-field-${f.key}`}>
          <span>{f.key === 'failNext' && d.failNext.trim() === '0' ? 'Used up' : f.label}</span>
          <input
            className="input mono"
            aria-label={f.label}
            placeholder={f.hint}
            value={d[f.key]}
            onChange={(e) => props.onChange({ ...d, [f.key]: e.target.value })}
          />
        </label>
      ))}
      <label className="demo-field demo-field-body">
        <span>Body</span>
        <input
          className="input mono"
          aria-label="Body"
          placeholder="(empty)"
          value={d.body}
          onChange={(e) => props.onChange({ ...d, body: e.target.value })}
        />
      </label>
      <div className="demo-rule-actions">
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Move rule up"
          title="Move up (first match wins)"
          disabled={!props.onMoveUp}
          onClick={props.onMoveUp}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small demo-remove"
          aria-label="Remove rule"
          onClick={props.onRemove}
        >
          Remove
        </button>
      </div>
    </div>
  );
}
