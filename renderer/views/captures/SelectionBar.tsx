// Shown above the list while captures are marked (Space, shift/ctrl-click): what can be done with
// them at once. Replay and the handler report open the Replay screen on the marked captures.
import { errorText } from '../../../shared/error-text';
import { useApp } from '../../state/store';
import { exportHarDownload } from '../replay/replay-bridge';

export function SelectionBar() {
  const marked = useApp((s) => s.marked);
  const clearMarks = useApp((s) => s.clearMarks);
  const openReplayWith = useApp((s) => s.openReplayWith);
  const deleteWithUndo = useApp((s) => s.deleteWithUndo);
  const showToast = useApp((s) => s.showToast);
  const replayOps = useApp((s) => s.replay.ops);
  if (marked.length === 0) return null;
  const exportHar = async () => {
    try {
      showToast(await exportHarDownload(replayOps, { captureIds: marked }));
    } catch (err) {
      showToast(errorText(err), 'error');
    }
  };
  return (
    <div
      className="selection-bar"
      role="toolbar"
      aria-label="Marked captures"
      data-testid="selection-bar"
    >
      <span data-testid="marked-count">{marked.length.toLocaleString('en-US')} marked</span>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => openReplayWith(marked)}
        data-testid="replay-marked"
      >
        Replay marked…
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => void exportHar()}
        data-testid="export-marked"
      >
        Export as HAR
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger-text"
        onClick={() => deleteWithUndo(marked)}
      >
        Delete
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={clearMarks}>
        Unmark all
      </button>
    </div>
  );
}
