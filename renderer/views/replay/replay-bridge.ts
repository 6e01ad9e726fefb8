// Small helpers of the replay views: a text download, and a HAR export saved as a download
// (the export is the replay slice's operation, passed in).
import type { ReplayOps } from '../../state/replay-slice';

/** Saves text as a file through a temporary object URL (no navigation, no new window). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type HarSelection = {
  captureIds?: number[];
  taskId?: string;
  verdict?: 'valid' | 'invalid' | 'unverified';
  q?: string;
  source?: 'receiver' | 'replay' | 'import';
};

/** Exports the selection as a HAR download; returns the sentence to show (skipped ids named). */
export async function exportHarDownload(
  ops: Pick<ReplayOps, 'exportHar'>,
  selection: HarSelection,
): Promise<string> {
  const r = await ops.exportHar({ selection });
  downloadText(r.fileName, r.har, 'application/json');
  const skipped = r.missing.length
    ? ` Skipped ${r.missing.length} that no longer exist (${r.missing.map((id) => `#${id}`).join(', ')}).`
    : '';
  return `Exported ${r.exported} capture${r.exported === 1 ? '' : 's'} as HAR.${skipped}`;
}
