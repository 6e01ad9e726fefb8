// Settings screen: every verification and receiver setting, grouped; secrets masked with reveal
// and regenerate; values set by environment variables are shown read-only (env wins). Saving can
// re-verify every stored capture against the new settings.
import { useEffect, useState } from 'react';
import { formatSize } from '../../lib/format';
import type { SecretSettingKey, Settings } from '../../../shared/model';
import { getAppStore, useApp } from '../../state/store';
import { DisplaySettings } from './DisplaySettings';
import { SecretField } from './SecretField';
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
  const error = useApp((s) => s.settingsError);
  const save = useApp((s) => s.saveSettings);
  const regenerate = useApp((s) => s.regenerateSecret);
  const showToast = useApp((s) => s.showToast);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reverify, setReverify] = useState(true);
  const [busy, setBusy] = useState(false);
  // Secrets revealed in this session: their value stands for the masked saved one.
  const [revealed, setRevealed] = useState<Partial<Record<SecretSettingKey, string>>>({});
  const reveal = useApp((s) => s.revealSecret);
  const storeInfo = useApp((s) => s.storeInfo);
  const loadStoreInfo = useApp((s) => s.loadStoreInfo);
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
      const { reverified } = await save(patch, reverify);
      setDraft(null);
      setRevealed({});
      showToast(
        reverified === undefined
          ? 'Settings saved'
          : `Settings saved · ${reverified} captures re-verified`,
      );
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const onRegenerate = async (key: SecretSettingKey) => {
    try {
      await regenerate(key);
      const fresh = getAppStore().getState().settingsView?.settings[key] ?? '';
      setRevealed(({ [key]: _old, ...rest }) => rest);
      if (draft) setDraft({ ...draft, [key]: fresh });
      showToast('New secret generated and saved. Give it to your agents.');
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const field = (f: FieldDef) => {
    const fromEnv = view.sources[f.key] === 'env';
    const id = f.key;
    return (
      <div className="setting" key={f.key}>
        <label className="setting-label" htmlFor={id}>
          {f.label}
          {fromEnv && (
            <span
              className="chip"
              title="Set by an environment variable; it wins over saved values"
            >
              env
            </span>
          )}
        </label>
        <div className="setting-control">
          {f.kind === 'secret' ? (
            <SecretField
              id={id}
              value={current[f.key]}
              disabled={fromEnv}
              onChange={(v) => set(f.key, v)}
              onRegenerate={() => void onRegenerate(f.key as SecretSettingKey)}
              onReveal={async () => {
                const key = f.key as SecretSettingKey;
                try {
                  const value = await reveal(key);
                  setRevealed((r) => ({ ...r, [key]: value }));
                  setDraft({ ...current, [key]: value });
                } catch (err) {
                  showToast(err instanceof Error ? err.message : String(err), 'error');
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
              onChange={(e) => set(f.key, e.target.value)}
              data-testid={`field-${id}`}
            />
          )}
          <div className={errors[f.key] ? 'setting-help error-text' : 'setting-help'}>
            {errors[f.key] ?? f.help}
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
                      ? ` · last trimmed ${new Date(storeInfo.lastRetention.at).toLocaleString()}: ${storeInfo.lastRetention.deleted.exchanges} exchanges, ${storeInfo.lastRetention.deleted.replays} replays, ${storeInfo.lastRetention.deleted.captures} captures`
                      : '')
                  : 'Store size unavailable'}
              </div>
            )}
          </fieldset>
        ))}
        <div className="settings-actions">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={reverify}
              onChange={(e) => setReverify(e.target.checked)}
              data-testid="reverify"
            />
            Re-verify existing captures with the new settings
          </label>
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
    </div>
  );
}
