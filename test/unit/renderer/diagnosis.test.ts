// Diagnosis rows: words instead of raw keys, and no line that repeats the detail sentence.
import { describe, expect, it } from 'vitest';
import { diagnosisLabel, diagnosisRows } from '../../../renderer/lib/diagnosis';

describe('diagnosis rows', () => {
  it('labels known keys and splits unknown camelCase keys', () => {
    expect(diagnosisLabel('signedBytes')).toBe('Bytes signed');
    expect(diagnosisLabel('likelyCauses')).toBe('Other likely causes');
    expect(diagnosisLabel('someNewKey')).toBe('Some new key');
  });

  it('drops causes already in the detail, and rows left empty', () => {
    const detail = 'X-A2A-Signature does not match the raw body: the secret differs.';
    const rows = diagnosisRows(
      { likelyCauses: 'the secret differs\nthe body was re-serialized', signedBytes: '12' },
      detail,
    );
    expect(rows).toEqual([
      { key: 'likelyCauses', label: 'Other likely causes', value: 'the body was re-serialized' },
      { key: 'signedBytes', label: 'Bytes signed', value: '12' },
    ]);
    expect(diagnosisRows({ likelyCauses: 'the secret differs' }, detail)).toEqual([]);
  });
});
