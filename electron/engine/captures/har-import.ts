// importHar: turns the requests of a HAR file into captures through the same ingest path as the
// receiver (verified with the current settings, stored once with the verdict, announced).
import type { EngineHandlers } from '../../../shared/api';
import type { EngineContext } from '../context';
import { parseHar } from '../replay/har-import';
import { announceCapture, ingestCapture } from './ingest';

export function createHarImportHandler(ctx: EngineContext): Pick<EngineHandlers, 'importHar'> {
  const deps = { ...ctx, settings: () => ctx.settings.get() };
  return {
    importHar: async ({ har }) => {
      const parsed = parseHar(har, Date.now());
      const ids: number[] = [];
      for (const { capture } of parsed.captures) {
        const written = await ingestCapture(deps, capture, { enforce: false, answered: false });
        ids.push(written.id);
        announceCapture(deps, capture, written);
      }
      return { imported: ids.length, ids, skipped: parsed.skipped };
    },
  };
}
