// importHar: turns the requests of a HAR file into captures through the same ingest path as the
// receiver (stored, then verified with the current settings, then announced).
import type { EngineHandlers } from '../../../shared/api';
import type { EngineContext } from '../context';
import { parseHar } from '../replay/har-import';
import { ingestCapture } from './ingest';

export function createHarImportHandler(ctx: EngineContext): Pick<EngineHandlers, 'importHar'> {
  const deps = { ...ctx, settings: () => ctx.settings.get() };
  return {
    importHar: async ({ har }) => {
      const parsed = parseHar(har, Date.now());
      const ids: number[] = [];
      for (const { capture } of parsed.captures) {
        const ingested = await ingestCapture(deps, capture);
        ids.push(ingested.id);
        const { verdict } = await ingested.verify();
        ingested.announce(verdict, null);
      }
      return { imported: ids.length, ids, skipped: parsed.skipped };
    },
  };
}
