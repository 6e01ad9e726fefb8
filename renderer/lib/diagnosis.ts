// Turns a check's diagnosis (raw keys from shared/verify) into labelled rows a user can act on:
// known keys get words, unknown ones are split from camelCase, and lines that only repeat the
// check's detail sentence are dropped (the first likely cause is already in the detail).
const LABELS: Record<string, string> = {
  expected: 'Expected signature',
  received: 'Received signature',
  signedBytes: 'Bytes signed',
  signedString: 'Signed bytes (start)',
  likelyCauses: 'Other likely causes',
  header: 'Header',
  claims: 'Claims',
  value: 'Value',
  windowSec: 'Allowed window (seconds)',
  presentedLength: 'Length of the token sent',
  configuredLength: 'Length of the configured token',
};

export function diagnosisLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Labelled rows, without lines the detail already says; rows left empty are dropped. */
export function diagnosisRows(
  diagnosis: Record<string, string>,
  detail: string,
): { key: string; label: string; value: string }[] {
  const rows: { key: string; label: string; value: string }[] = [];
  for (const [key, raw] of Object.entries(diagnosis)) {
    const value = raw
      .split('\n')
      .filter((line) => line.trim() !== '' && !detail.includes(line.trim()))
      .join('\n');
    if (value.trim() === '') continue;
    rows.push({ key, label: diagnosisLabel(key), value });
  }
  return rows;
}
