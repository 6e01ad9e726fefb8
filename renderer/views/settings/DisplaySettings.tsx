// Settings screen, "Display" section: how times read everywhere in the app (24 h with ms, the
// default, or 12 h with ms) and whether the Agents timeline shows the gap before each row.
// A renderer preference of this browser profile (localStorage), applied at once: no Save.
import { useEffect, useState } from 'react';
import { clockTime, type ClockFormat } from '../../lib/format';
import { useDisplayPrefs } from '../../state/display-prefs';

export function DisplaySettings() {
  const clock = useDisplayPrefs((s) => s.clock);
  const gaps = useDisplayPrefs((s) => s.gaps);
  const set = useDisplayPrefs((s) => s.set);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <fieldset className="settings-group settings-display" data-testid="display-settings">
      <legend>Display</legend>
      <div className="setting">
        <label className="setting-label" htmlFor="display-clock">
          Time format
        </label>
        <div className="setting-control">
          <select
            id="display-clock"
            className="input"
            value={clock}
            onChange={(e) => set({ clock: e.target.value as ClockFormat })}
          >
            <option value="24h">24 h with ms ({clockTime(now, '24h')})</option>
            <option value="12h">12 h with ms ({clockTime(now, '12h')})</option>
          </select>
          <div className="setting-help">
            Every time in the app (captures, timeline, replays, deliveries, audit) uses it. Kept in
            this browser profile; applies at once.
          </div>
        </div>
      </div>
      <div className="setting">
        <label className="setting-label" htmlFor="display-gaps">
          Relative gaps
        </label>
        <div className="setting-control">
          <input
            id="display-gaps"
            type="checkbox"
            checked={gaps}
            onChange={(e) => set({ gaps: e.target.checked })}
          />
          <div className="setting-help">
            Show the time since the previous row (+1.2 s) on the Agents timeline.
          </div>
        </div>
      </div>
    </fieldset>
  );
}
