// One task's timeline on the renderer side: a sparse, append-only array of precomputed row views
// plus a snapshot (version, total, lane counts) that changes once per applied batch or page.
// Pages come from the engine on demand (getTimeline limit/cursor): the tail first, then the
// chunks the list scrolls to. Rows are mutated in place and never copied; views subscribe
// with useSyncExternalStore and re-render only on a new snapshot. Indexes are stable: live rows
// pushed by the engine ('timeline' events) are appended, and rows it sends again (a webhook
// re-linted or re-verified) replaced in place; the tail is loaded once, never refetched.
import type { Timeline } from '../../shared/api/agents';
import type { TimelineEvent } from '../../shared/a2a/types';
import { rowTitle, toRowViews, type RowContext, type TimelineRowView } from './timeline-rows';

export const CHUNK = 1000;
const MAX_IN_FLIGHT = 2;
const RETRY_MS = 2000;

export interface TimelineSnapshot {
  version: number;
  total: number;
  stream: number;
  webhook: number;
}

export type PageLoader = (cursor: string, limit: number) => Promise<Timeline>;

export class TimelineData {
  readonly rows: (TimelineRowView | undefined)[] = [];
  private snap: TimelineSnapshot = { version: 0, total: 0, stream: 0, webhook: 0 };
  private readonly listeners = new Set<() => void>();
  /** End of the list: context for the next appended row. */
  private tail: RowContext = { at: null, segment: null };
  private maxFrameId = 0;
  private generation = 0;
  private readonly inFlight = new Set<number>();
  private readonly failedAt = new Map<number, number>();
  private wanted: [number, number] = [0, 0];
  /** Index of each loaded webhook row by capture id (to replace it when it is sent again). */
  private readonly captureRows = new Map<number, number>();
  /** Live rows pushed while the tail page is loading (applied again on it). */
  private sinceLoad: { events: TimelineEvent[]; updates: TimelineEvent[] } | null = null;

  constructor(
    readonly taskId: string | null,
    private readonly load: PageLoader | null = null,
  ) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): TimelineSnapshot => this.snap;

  /** Starts loading the tail: live rows from now on are kept to be applied again on its page. */
  beginLoad(): number {
    this.sinceLoad = { events: [], updates: [] };
    return ++this.generation;
  }

  /** Replaces everything with a tail page (answer of a load begun with `beginLoad`). */
  resetFromTail(generation: number, page: Timeline): void {
    if (generation !== this.generation) return;
    const live = this.sinceLoad ?? { events: [], updates: [] };
    this.sinceLoad = null;
    this.rows.length = 0;
    this.inFlight.clear();
    this.failedAt.clear();
    this.captureRows.clear();
    this.maxFrameId = 0;
    const total = page.total ?? page.events.length;
    this.rows.length = total;
    this.tail = { at: null, segment: null };
    this.snap = {
      version: this.snap.version,
      total,
      stream: page.counts?.stream ?? page.events.filter((e) => e.source === 'stream').length,
      webhook: page.counts?.webhook ?? page.events.filter((e) => e.source === 'webhook').length,
    };
    this.place(page);
    this.appendEvents(live.events);
    this.replace(live.updates);
    this.bump();
  }

  /** Pushed rows of one engine batch: `events` appended (already in order), `updates` replacing
   *  the loaded rows with the same capture id (rows not loaded come fresh with their page). */
  apply(events: TimelineEvent[], updates: TimelineEvent[] = []): void {
    this.sinceLoad?.events.push(...events);
    this.sinceLoad?.updates.push(...updates);
    const appended = this.appendEvents(events);
    if (this.replace(updates) || appended) this.bump();
  }

  private replace(updates: TimelineEvent[]): boolean {
    let changed = false;
    for (const e of updates) {
      const i = e.captureId === undefined ? undefined : this.captureRows.get(e.captureId);
      const old = i === undefined ? undefined : this.rows[i];
      if (i === undefined || !old) continue;
      this.rows[i] = { ...old, event: e, title: rowTitle(e) };
      changed = true;
    }
    return changed;
  }

  /** Asks for the pages covering rows [start, end) that are not loaded yet. */
  ensure(start: number, end: number): void {
    this.wanted = [Math.max(0, start), Math.min(this.snap.total, end)];
    this.pump();
  }

  private appendEvents(events: TimelineEvent[]): boolean {
    // A row the tail page already has (pushed while it loaded) is replaced, not added again.
    const known = events.filter(
      (e) => e.captureId !== undefined && this.captureRows.has(e.captureId),
    );
    if (known.length) this.replace(known);
    const fresh = events.filter((e) =>
      e.frameId !== undefined ? e.frameId > this.maxFrameId : !known.includes(e),
    );
    if (!fresh.length) return known.length > 0;
    const views = toRowViews(fresh, this.tail, this.rows.length);
    for (const v of views) {
      if (v.event.captureId !== undefined)
        this.captureRows.set(v.event.captureId, this.rows.length);
      this.rows.push(v);
      if (v.event.frameId !== undefined) this.maxFrameId = v.event.frameId;
    }
    const webhooks = fresh.filter((e) => e.source === 'webhook').length;
    this.snap = {
      ...this.snap,
      total: this.rows.length,
      stream: this.snap.stream + fresh.length - webhooks,
      webhook: this.snap.webhook + webhooks,
    };
    return true;
  }

  /** Puts a page's rows in place; the last page also sets the context of appended rows. */
  private place(page: Timeline): void {
    const offset = page.offset ?? 0;
    const ctx: RowContext = { at: page.before?.at ?? null, segment: page.before?.segment ?? null };
    const views = toRowViews(page.events, ctx, offset);
    for (let i = 0; i < views.length; i++) {
      const v = views[i] as TimelineRowView;
      this.rows[offset + i] = v;
      if (v.event.captureId !== undefined) this.captureRows.set(v.event.captureId, offset + i);
      const id = v.event.frameId;
      if (id !== undefined && id > this.maxFrameId) this.maxFrameId = id;
    }
    if (offset + views.length >= this.rows.length) this.tail = ctx;
    if (this.rows.length > this.snap.total) this.snap = { ...this.snap, total: this.rows.length };
  }

  private pump(): void {
    const [start, end] = this.wanted;
    for (let c = Math.floor(start / CHUNK); c * CHUNK < end; c++) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (this.inFlight.has(c) || !this.missing(c)) continue;
      if (Date.now() - (this.failedAt.get(c) ?? 0) < RETRY_MS) continue;
      this.fetch(c);
    }
  }

  private missing(chunk: number): boolean {
    const end = Math.min(this.rows.length, (chunk + 1) * CHUNK);
    for (let i = chunk * CHUNK; i < end; i++) if (this.rows[i] === undefined) return true;
    return false;
  }

  private fetch(chunk: number): void {
    if (!this.load) return;
    const generation = this.generation;
    this.inFlight.add(chunk);
    this.load(String(chunk * CHUNK), CHUNK).then(
      (page) => {
        if (generation !== this.generation) return;
        this.inFlight.delete(chunk);
        this.failedAt.delete(chunk);
        this.place(page);
        this.bump();
        this.pump();
      },
      () => {
        if (generation !== this.generation) return;
        this.inFlight.delete(chunk);
        this.failedAt.set(chunk, Date.now());
      },
    );
  }

  private bump(): void {
    this.snap = { ...this.snap, version: this.snap.version + 1 };
    for (const fn of this.listeners) fn();
  }
}
