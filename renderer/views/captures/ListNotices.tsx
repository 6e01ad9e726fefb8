// Notices above the list: load errors, "no match" for filters, and the note shown when the user
// paged so deep that the newest captures were dropped from memory (with a way back).
import { useApp } from '../../state/store';

export function ListNotices() {
  const loadError = useApp((s) => s.loadError);
  const headTrimmed = useApp((s) => s.headTrimmed);
  const missedLive = useApp((s) => s.missedLive);
  const loaded = useApp((s) => s.loaded);
  const empty = useApp((s) => s.items.length === 0);
  const loadFirstPage = useApp((s) => s.loadFirstPage);
  return (
    <>
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError}
          <button type="button" className="link-btn" onClick={() => void loadFirstPage()}>
            Retry
          </button>
        </div>
      )}
      {headTrimmed && (
        <div className="notice">
          Showing older captures{missedLive > 0 ? ` · ${missedLive} new since` : ''}.
          <button type="button" className="link-btn" onClick={() => void loadFirstPage()}>
            Jump to newest
          </button>
        </div>
      )}
      {loaded && empty && !loadError && (
        <div className="notice muted" data-testid="no-match">
          No captures match these filters.
        </div>
      )}
    </>
  );
}
