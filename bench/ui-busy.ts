// The renderer's main-thread time while something happens, from a V8 CPU profile taken over CDP
// (Profiler domain): the profile's whole span minus its idle samples, so script, style, layout
// and paint on the main thread all count. Used by the UI bench to price each live webhook.
import type { Page } from '@playwright/test';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Main-thread busy milliseconds of `page` while `during` runs. */
export async function rendererBusyMs(page: Page, during: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await during();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const idle = new Set(
      profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
    );
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let busyUs = 0;
    for (let i = 0; i < samples.length; i++) {
      if (!idle.has(samples[i] ?? -1)) busyUs += deltas[i] ?? 0;
    }
    return busyUs / 1000;
  } finally {
    await cdp.detach();
  }
}
