// The store: migrations apply once, WAL is on, captures keep exact bytes and header order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/engine/data-dir';
import { createCapturesRepo, parseAnswer } from '../../../electron/engine/store/captures-repo';
import { openDatabase } from '../../../electron/engine/store/open-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('migrates once, uses WAL and round-trips bytes exactly', () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-store-'));
  const db = openDatabase(dir);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  const bytes = new Uint8Array([0, 255, 10, 13, 0x7b, 0xc3, 0xa9]);
  const repo = createCapturesRepo(db);
  const id = repo.insert({
    receivedAt: 1,
    method: 'POST',
    path: '/x',
    query: 'a=1&a=2',
    headers: [
      ['X-B', '2'],
      ['x-a', '1'],
      ['X-B', '3'],
    ],
    body: bytes,
    remoteAddress: '127.0.0.1',
    taskId: null,
    contentType: null,
    source: 'receiver',
  });
  db.close();
  const again = openDatabase(dir);
  const versions = again.prepare('SELECT version FROM schema_version').all();
  expect(versions.length).toBeGreaterThanOrEqual(1);
  const repo2 = createCapturesRepo(again);
  expect([...repo2.body(id)!]).toEqual([...bytes]);
  expect(repo2.get(id)!.headers).toEqual([
    ['X-B', '2'],
    ['x-a', '1'],
    ['X-B', '3'],
  ]);
  again.close();
});

it('picks a per-OS data dir unless SWITCHBOARD_DATA_DIR is set', () => {
  expect(defaultDataDir({ SWITCHBOARD_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x');
  expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe('/xdg/switchboard');
  expect(defaultDataDir({}, 'darwin')).toContain(
    join('Library', 'Application Support', 'Switchboard'),
  );
  expect(defaultDataDir({ APPDATA: 'C:\\AppData' }, 'win32')).toContain('Switchboard');
});

it('keeps which response rule answered a capture (migration 7), none by default', () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-store-'));
  const db = openDatabase(dir);
  const repo = createCapturesRepo(db);
  const insert = () =>
    repo.insert({
      receivedAt: 1,
      method: 'POST',
      path: '/webhook',
      query: '',
      headers: [],
      body: new Uint8Array([0x7b, 0x7d]),
      remoteAddress: '127.0.0.1',
      taskId: 't',
      contentType: null,
      source: 'receiver',
    });
  const plain = insert();
  const ruled = insert();
  const by = { ruleId: 'r1', position: 2, label: 'fail next 2' };
  repo.saveVerification(plain, [], 'valid', { status: 200, answeredBy: null });
  repo.saveVerification(ruled, [], 'valid', { status: 503, answeredBy: by });
  expect(repo.get(plain)).toMatchObject({ responseStatus: 200, answeredBy: null });
  expect(repo.get(ruled)).toMatchObject({ responseStatus: 503, answeredBy: by });
  expect(repo.list({}, 10).items.map((c) => c.answeredBy)).toEqual([by, null]);
  // Re-verification saves checks only: the answer and its rule stay.
  repo.saveVerification(ruled, [], 'invalid');
  expect(repo.get(ruled)).toMatchObject({ responseStatus: 503, answeredBy: by });
  // The receiver's one write: checks, verdict and answer in the insert itself.
  const check = { id: 'hmac-sha256', status: 'fail', detail: 'bad', diagnosis: {} } as const;
  const once = repo.insert({
    ...{
      receivedAt: 1,
      method: 'POST',
      path: '/w',
      query: '',
      headers: [],
      body: new Uint8Array(),
    },
    ...{ remoteAddress: '', taskId: null, contentType: null, source: 'receiver' },
    ...{ checks: [check], verdict: 'invalid', responseStatus: 401, answeredBy: by },
  });
  expect(repo.get(once)).toMatchObject({
    verdict: 'invalid',
    checks: [check],
    responseStatus: 401,
    answeredBy: by,
  });
  expect(parseAnswer('not json')).toBeNull();
  expect(parseAnswer('{"label":"x"}')).toBeNull();
  db.close();
});
