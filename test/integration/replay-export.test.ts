// Export and import: HAR export then import gives back the exact bytes and headers (text, binary
// and BOM bodies) and the imported captures are verified like live ones; "copy as curl" run by
// a real shell delivers the exact bytes (quotes, newlines, non-ASCII, NUL, leading '@').
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineContext } from '../../electron/engine/context';
import { createHarImportHandler } from '../../electron/engine/captures/har-import';
import { createReplayDomain, type ReplayHandlers } from '../../electron/engine/replay/handlers';
import { startJudgingServer, type FixtureReceiver } from '../fixtures/strict-receiver';
import { insertTutorialCapture, replayStore, type ReplayStore } from '../unit/replay/helpers';

const run = promisify(execFile);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('HAR and curl', () => {
  let s: ReplayStore;
  let h: ReplayHandlers & ReturnType<typeof createHarImportHandler>;
  let target: FixtureReceiver;
  beforeAll(async () => {
    s = replayStore();
    target = await startJudgingServer(() => ({ status: 200, reason: 'ok' }));
    const ctx = createEngineContext({
      db: s.db,
      dataDir: s.dataDir,
      settings: { get: () => s.settings, onChange: () => () => undefined },
      emit: (e) => s.events.push(e),
      receiverUrl: () => 'http://127.0.0.1:9000',
    });
    h = { ...createReplayDomain(ctx).handlers, ...createHarImportHandler(ctx) };
  });
  afterAll(async () => {
    await target.close();
    s.cleanup();
  });

  function insertRaw(body: Uint8Array): number {
    return s.captures.insert({
      receivedAt: Date.now(),
      method: 'POST',
      path: '/hooks/bin',
      query: 'a=1&b=%20x',
      headers: [
        ['Content-Type', 'application/octet-stream'],
        ['X-Odd', 'it\'s "quoted" $HOME `x`'],
      ],
      body,
      remoteAddress: '127.0.0.1',
      taskId: null,
      contentType: 'application/octet-stream',
      source: 'receiver',
    });
  }

  it('HAR export skips ids that no longer exist and says which; a filter selects too', async () => {
    const a = await insertTutorialCapture(s, { taskId: 'har-skip-task' });
    const gone = insertRaw(new Uint8Array([0x41]));
    s.captures.delete(gone);
    const r = await h.exportHar({ selection: { captureIds: [a.id, gone] } });
    expect(r.exported).toBe(1);
    expect(r.missing).toEqual([gone]);
    const byTask = await h.exportHar({ selection: { taskId: 'har-skip-task' } });
    expect(byTask.exported).toBe(1);
    await expect(h.exportHar({ selection: { captureIds: [gone] } })).rejects.toThrow(
      /None of the chosen captures exist any more/,
    );
  });

  it('HAR export then import round-trips bytes and headers, and verifies the imports', async () => {
    const tutorial = await insertTutorialCapture(s);
    const binary = insertRaw(new Uint8Array([0xff, 0x00, 0xfe, 0x41, 0x0a]));
    const bom = insertRaw(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    const ids = [tutorial.id, binary, bom];
    const { har, fileName } = await h.exportHar({ selection: { captureIds: ids } });
    expect(fileName).toMatch(/\.har$/);
    expect((JSON.parse(har) as { log: { version: string } }).log.version).toBe('1.2');
    const result = await h.importHar({ har });
    expect(result.imported).toBe(3);
    result.ids.forEach((newId, i) => {
      const oldId = ids[i]!;
      expect(sha(s.captures.body(newId)!)).toBe(sha(s.captures.body(oldId)!));
      const a = s.captures.get(oldId)!;
      const b = s.captures.get(newId)!;
      expect([b.method, b.path, b.query, b.headers, b.source]).toEqual([
        a.method,
        a.path,
        a.query,
        a.headers,
        'import',
      ]);
    });
    const imported = s.captures.get(result.ids[0]!)!;
    expect(imported.taskId).toBe(tutorial.taskId);
    expect(imported.checks.find((c) => c.id === 'hmac-sha256')?.status).toBe('pass');
    expect(s.events.some((e) => e.type === 'capture' && e.capture.id === imported.id)).toBe(true);
  });

  it('imports browser-style HAR entries and skips GETs with a reason', async () => {
    const har = JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          { request: { method: 'GET', url: 'https://example.test/', headers: [] } },
          {
            startedDateTime: '2026-11-25T10:00:00.000Z',
            request: {
              method: 'POST',
              url: 'https://example.test/webhook?x=1',
              headers: [
                { name: ':authority', value: 'example.test' },
                { name: 'content-type', value: 'application/json' },
              ],
              postData: { mimeType: 'application/json', text: '{"taskId":"t-9"}' },
            },
          },
        ],
      },
    });
    const r = await h.importHar({ har });
    expect(r.imported).toBe(1);
    expect(r.skipped).toEqual([{ index: 0, reason: 'GET request (not a webhook delivery)' }]);
    const c = s.captures.get(r.ids[0]!)!;
    expect([c.path, c.query, c.taskId, c.headers]).toEqual([
      '/webhook',
      'x=1',
      't-9',
      [['content-type', 'application/json']],
    ]);
    await expect(h.importHar({ har: '{"nope":1}' })).rejects.toMatchObject({ code: 'bad_har' });
  });

  it.each([
    [
      'tutorial JSON with quotes and unicode',
      Buffer.from(`{"a": "it's \\"x\\" \\u00e9", "b": "é\n$(id)"}`),
    ],
    ['binary with NUL', Buffer.from([0x00, 0x27, 0x5c, 0x25, 0xff, 0x0a, 0x2d])],
    ['leading @', Buffer.from('@/etc/passwd')],
  ])('curl command delivers exact bytes: %s', async (_name, body) => {
    const id = insertRaw(new Uint8Array(body));
    const { command } = await h.captureAsCurl({ id, targetUrl: target.url });
    await run('bash', ['-c', command]);
    const got = target.received.at(-1)!;
    expect(sha(got.body)).toBe(sha(body));
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0);
    expect(names).not.toContain('User-Agent');
    expect(names).not.toContain('Accept');
    const odd = got.rawHeaders[got.rawHeaders.indexOf('X-Odd') + 1];
    expect(odd).toBe('it\'s "quoted" $HOME `x`');
  });
});
