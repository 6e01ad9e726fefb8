// The receiver's response rules: an ordered list (first match wins) edited as a draft, saved with
// setResponseRules. While the draft is unchanged it follows the engine ('response-rules' events,
// e.g. a failNext count going down); once edited, it is kept until saved or discarded.
import { useState } from 'react';
import type { DemoState } from '../../state/demo-slice';
import { fromRuleDrafts, newRuleDraft, toRuleDraft, type RuleDraft } from './demo-model';
import { RuleRow } from './RuleRow';

export function RulesEditor({ s }: { s: DemoState }) {
  // null: not edited, show the engine's rules as they are.
  const [edited, setEdited] = useState<RuleDraft[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const dirty = edited !== null;
  const drafts = edited ?? (s.rules ?? []).map(toRuleDraft);

  const edit = (next: RuleDraft[]) => {
    setEdited(next);
    setNote(null);
  };
  const save = () => {
    const input = fromRuleDrafts(drafts);
    if (typeof input === 'string') return setNote(input);
    void s.run(async () => {
      s.putRules(await s.ops.setResponseRules({ rules: input }));
      setEdited(null);
      setNote('Saved.');
    });
  };

  return (
    <section className="panel demo-rules" aria-label="Response rules" data-testid="rules-editor">
      <h2 className="panel-title">
        Receiver response rules
        <span className="muted">
          Answer a path with a chosen status/delay, or fail the next N requests, to watch an
          agent&apos;s retries and backoff. First match wins; captures are still stored.
        </span>
      </h2>
      {drafts.length === 0 ? (
        <p className="muted small">No rule: the receiver answers 200.</p>
      ) : null}
      {drafts.map((d, i) => (
        <RuleRow
          key={d.id ?? `new-${i}`}
          draft={d}
          onChange={(nd) => edit(drafts.map((x, j) => (j === i ? nd : x)))}
          onRemove={() => edit(drafts.filter((_, j) => j !== i))}
          onMoveUp={
            i === 0
              ? undefined
              : () => edit(drafts.map((x, j) => (j === i - 1 ? d : j === i ? drafts[i - 1]! : x)))
          }
        />
      ))}
      <div className="demo-row">
        <button type="button" className="btn" onClick={() => edit([...drafts, newRuleDraft()])}>
          Add rule
        </button>
        <button type="button" className="btn btn-primary" onClick={save} disabled={!dirty}>
          Save rules
        </button>
        {dirty ? (
          <button type="button" className="btn btn-ghost" onClick={() => setEdited(null)}>
            Discard changes
          </button>
        ) : null}
        {note ? (
          <span className={note === 'Saved.' ? 'ok-text' : 'error-text'} role="status">
            {note}
          </span>
        ) : null}
      </div>
    </section>
  );
}
