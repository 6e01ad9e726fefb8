// A replay's changes against its capture (shared/replay/diff.ts), as one table: the edit form's
// preview before sending and the result after. Notes that warn (broken JSON) are marked as errors.
import type { ReplayChange } from '../../../shared/api/replay';

export function ChangesTable(props: { caption: string; changes: ReplayChange[]; testId?: string }) {
  return (
    <table className="replay-table" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <tbody>
        {props.changes.map((c, i) => (
          <tr
            key={i}
            className={c.note?.startsWith('not valid JSON') ? 'verdict-error' : undefined}
          >
            <td className="mono">{c.field}</td>
            <td>{c.kind}</td>
            <td className="mono">
              {c.before !== undefined ? `${c.before} → ` : ''}
              {c.after ?? ''}
              {c.note ? ` (${c.note})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
