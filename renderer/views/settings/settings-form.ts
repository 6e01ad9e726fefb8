// Pure logic of the settings form: which fields exist, how they're edited, and the patch that
// turns the saved settings into the draft. Numbers are edited as strings and validated here.
import type { SettingsPatch } from '../../../shared/api/captures';
import {
  SETTING_FIELDS,
  SETTING_GROUPS,
  SETTING_KEYS,
  type SettingKind,
  type Settings,
} from '../../../shared/model';

export type Draft = Record<keyof Settings, string>;

export interface FieldDef {
  key: keyof Settings;
  label: string;
  help: string;
  kind: SettingKind;
  min?: number;
  max?: number;
}

/** The form's sections, in order, each with its fields: all derived from the settings schema. */
export const FIELD_GROUPS: { title: string; fields: FieldDef[] }[] = SETTING_GROUPS.map(
  (title) => ({
    title,
    fields: SETTING_KEYS.flatMap((key) => {
      const f: Omit<FieldDef, 'key'> & { group: string } = SETTING_FIELDS[key];
      if (f.group !== title) return [];
      return [{ key, label: f.label, help: f.help, kind: f.kind, min: f.min, max: f.max }];
    }),
  }),
);

export function toDraft(s: Settings): Draft {
  const out = {} as Draft;
  for (const key of Object.keys(s) as (keyof Settings)[]) out[key] = String(s[key]);
  return out;
}

const NUMBER_FIELDS = FIELD_GROUPS.flatMap((g) => g.fields).filter((f) => f.kind === 'number');

/** Validation messages per field (empty object when the draft is valid). */
export function validateDraft(d: Draft): Partial<Record<keyof Settings, string>> {
  const errors: Partial<Record<keyof Settings, string>> = {};
  for (const f of NUMBER_FIELDS) {
    const raw = d[f.key].trim();
    const n = Number(raw);
    if (raw === '' || !Number.isInteger(n)) errors[f.key] = 'Enter a whole number';
    else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
      errors[f.key] = `Between ${f.min ?? '…'} and ${f.max ?? '…'}`;
    }
  }
  const url = d.jwksUrl.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) errors.jwksUrl = 'An http(s) URL, or empty';
  return errors;
}

/** The fields that differ from the saved settings, typed for updateSettings. */
export function diffDraft(saved: Settings, d: Draft): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(saved) as (keyof Settings)[]) {
    const before = saved[key];
    const value =
      typeof before === 'number'
        ? Number(d[key].trim())
        : typeof before === 'boolean'
          ? d[key] === 'true'
          : key === 'jwksUrl'
            ? d[key].trim()
            : d[key];
    if (value !== before) patch[key] = value;
  }
  return patch as SettingsPatch;
}
