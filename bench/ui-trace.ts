// Wall and thread time of the page's scroll events, from a Chromium trace: each scroll event's
// EventDispatch on the renderer's main thread carries its wall duration (dur) and the CPU time
// the thread ran during it (tdur). Where the two differ, the thread was waiting for a core (the
// engine, the webhook load and Chromium's own threads share two): the UI bench uses it to tell
// the scroll handler's own work from the time it lost to being descheduled.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/** Milliseconds per scroll event dispatched while `during` runs: wall and thread time. */
export async function scrollDispatchTimes(
  browser: Browser,
  page: Page,
  during: () => Promise<unknown>,
): Promise<{ wall: number[]; thread: number[] }> {
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await during();
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as
    | { traceEvents: TraceEvent[] }
    | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const scrolls = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'EventDispatch' &&
      e.args?.data?.type === 'scroll' &&
      mainThreads.has(`${e.pid}:${e.tid}`),
  );
  return {
    wall: scrolls.map((e) => (e.dur ?? 0) / 1000),
    thread: scrolls.map((e) => (e.tdur ?? 0) / 1000),
  };
}
