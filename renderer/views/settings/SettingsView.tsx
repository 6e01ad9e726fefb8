// Settings screen: every verification and receiver setting, grouped, each with the source of its
// effective value (flag, env, saved, generated, default); flag- and env-set values are read-only
// with the reason. Secrets are masked until revealed; regenerating asks first. Saving never
// touches stored captures: re-verifying is its own button, which reports how many verdicts
// changed. The store's size shows under Retention.
import { errorText } from '../../../shared/error-text';
import { useEffect, useState } from 'react';
import { formatSize } from '../../lib/format';
import { useClock } from '../../state/display-prefs';
import type { SecretSettingKey, Settings } from '../../../shared/model';
import { getAppStore, useApp } from '../../state/store';
import { DisplaySettings } from './DisplaySettings';
import { SecretField } from './SecretField';
import { isLocked, lockReason, SourceChip } from './SourceChip';
import { ReverifyPanel } from './ReverifyPanel';
import {
  diffDraft,
  FIELD_GROUPS,
  toDraft,
  validateDraft,
  type Draft,
  type FieldDef,
} from './settings-form';

export function SettingsView() {
  const view = useApp((s) => s.settingsView);
  const receiver = useApp((s) => s.receiver);
  const error = useApp((s) => s.settingsError);
  const save = useApp((s) => s.saveSettings);
  const regenerate = useApp((s) => s.regenerateSecret);
  const showToast = useApp((s) => s.showToast);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  // Secrets revealed in this session: their value stands for the masked saved one.
  const [revealed, setRevealed] = useState<Partial<Record<SecretSettingKey, string>>>({});
  const reveal = useApp((s) => s.revealSecret);
  const storeInfo = useApp((s) => s.storeInfo);
  const loadStoreInfo = useApp((s) => s.loadStoreInfo);
  const clock = useClock();
  useEffect(() => void loadStoreInfo(), [loadStoreInfo]);

  if (!view) return <div className="settings-page muted">{error ?? 'Loading settings…'}</div>;
  const current = draft ?? toDraft(view.settings);
  const errors = validateDraft(current);
  const baseline = { ...view.settings, ...revealed };
  const patch = diffDraft(baseline, current);
  const dirty = Object.keys(patch).length > 0;
  const invalid = Object.keys(errors).length > 0;
  const set = (key: keyof Settings, value: string) => setDraft({ ...current, [key]: value });

  const onSave = async () => {
    setBusy(true);
    try {
      await save(patch);
      setDraft(null);
      setRevealed({});
      showToast('Settings saved. Stored captures keep their verdicts until you re-verify.');
    } catch (err) {
      showToast(errorText(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const onRegenerate = async (key: SecretSettingKey, label: string) => {
    const ok = window.confirm(
      `Generate a new ${label}? Agents still using the old one will fail verification, and ` +
        'existing captures signed with it will turn invalid when you re-verify.',
    );
    if (!ok) return;
    try {
      await regenerate(key);
      const fresh = getAppStore().getState().settingsView?.settings[key] ?? '';
      setRevealed(({ [key]: _old, ...rest }) => rest);
      if (draft) setDraft({ ...draft, [key]: fresh });
      showToast('New secret generated and saved. Give it to your agents.');
    } catch (err) {
      showToast(errorText(err), 'error');
    }
  };

  const field = (f: FieldDef) => {
    const source = view.sources[f.key];
    const fromEnv = isLocked(source);
    const reason = lockReason(source, view.origins?.[f.key]);
    const id = f.key;
    const listening =
      f.key === 'receiverPort' && receiver?.listening && receiver.port !== Number(current[f.key])
        ? `Listening on ${receiver.port}. `
        : '';
    return (
      <div className="setting" key={f.key}>
        <label className="setting-label" htmlFor={id}>
          {f.label}
          <SourceChip source={source} fieldKey={f.key} />
        </label>
        <div className="setting-control">
          {f.kind === 'secret' ? (
            <SecretField
              id={id}
              value={current[f.key]}
              disabled={fromEnv}
              onChange={(v) => set(f.key, v)}
              onRegenerate={() => void onRegenerate(f.key as SecretSettingKey, f.label)}
              onReveal={async () => {
                const key = f.key as SecretSettingKey;
                try {
                  const value = await reveal(key);
                  setRevealed((r) => ({ ...r, [key]: value }));
                  setDraft({ ...current, [key]: value });
                } catch (err) {
                  showToast(errorText(err), 'error');
                }
              }}
            />
          ) : f.kind === 'boolean' ? (
            <input
              id={id}
              type="checkbox"
              checked={current[f.key] === 'true'}
              disabled={fromEnv}
              onChange={(e) => set(f.key, String(e.target.checked))}
              data-testid={`field-${id}`}
            />
          ) : f.kind === 'mode' ? (
            <select
              id={id}
              className="input"
              value={current[f.key]}
              disabled={fromEnv}
              aria-describedby={`help-${id}`}
              onChange={(e) => set(f.key, e.target.value)}
              data-testid={`field-${id}`}
            >
              <option value="observe">Observe (always 200)</option>
              <option value="enforce">Enforce (400 / 401 on failure)</option>
            </select>
          ) : (
            <input
              id={id}
              className={f.kind === 'number' ? 'input mono narrow' : 'input mono'}
              inputMode={f.kind === 'number' ? 'numeric' : undefined}
              value={current[f.key]}
              disabled={fromEnv}
              aria-describedby={`help-${id}`}
              onChange={(e) => set(f.key, e.target.value)}
              data-testid={`field-${id}`}
            />
          )}
          <div
            className={errors[f.key] ? 'setting-help error-text' : 'setting-help'}
            id={`help-${id}`}
            data-testid={`help-${id}`}
          >
            {errors[f.key] ?? `${listening}${reason ?? f.help}`}
          </div>
        </div>
      </div>
    );
  };

  return (
    <div className="settings-page">
      <DisplaySettings />
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty && !invalid) void onSave();
        }}
      >
        {FIELD_GROUPS.map((g) => (
          <fieldset key={g.title} className="settings-group">
            <legend>{g.title}</legend>
            {g.fields.map(field)}
            {g.title === 'Retention' && (
              <div className="setting-help" data-testid="store-size">
                {storeInfo
                  ? `Store: ${formatSize(storeInfo.dataBytes)} of data in a ${formatSize(storeInfo.fileBytes)} file` +
                    (storeInfo.lastRetention
                      ? ` · last trimmed ${clock.dateTime(storeInfo.lastRetention.at)}: ${storeInfo.lastRetention.deleted.exchanges} exchanges, ${storeInfo.lastRetention.deleted.replays} replays, ${storeInfo.lastRetention.deleted.captures} captures, ${storeInfo.lastRetention.deleted.logs} log rows`
                      : '')
                  : 'Store size unavailable'}
              </div>
            )}
          </fieldset>
        ))}
        <div className="settings-actions">
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            disabled={!dirty || busy}
            onClick={() => setDraft(null)}
          >
            Discard
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!dirty || invalid || busy}
            data-testid="save-settings"
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      <ReverifyPanel />
    </div>
  );
}
