// Where a setting's effective value comes from, as a chip: flag, env, saved, generated, default.
// Flag and env values are read-only here; the chip's text says which flag or variable to remove.
import type { SettingSource } from '../../../shared/model';

const WORDS: Record<SettingSource, string> = {
  flag: 'flag',
  env: 'env',
  saved: 'saved',
  generated: 'generated',
  default: 'default',
};

export const isLocked = (source: SettingSource | undefined) =>
  source === 'flag' || source === 'env';

/** The sentence shown under a read-only field. */
export function lockReason(source: SettingSource | undefined, origin: string | undefined) {
  if (source === 'flag')
    return `Set by ${origin ?? 'a command-line flag'} for this run. Start without it to change it here.`;
  if (source === 'env')
    return `Set by the environment variable ${origin ?? ''}, which wins over saved values. Unset it to change it here.`;
  return null;
}

export function SourceChip(props: { source: SettingSource | undefined; fieldKey: string }) {
  const source = props.source ?? 'default';
  return (
    <span
      className={`chip chip-source chip-source-${source}`}
      data-testid={`source-${props.fieldKey}`}
      data-source={source}
    >
      {WORDS[source]}
    </span>
  );
}
