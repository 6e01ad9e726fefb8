// The data dir is 0700 and the database, WAL, SHM and settings files 0600, whether the engine
// creates them or finds them (an existing dir and files left open by an older version).
import { chmodSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEngine, tempDataDir, type TestEngine } from '../helpers/engine-fixture';

const mode = (p: string) => statSync(p).mode & 0o777;
let t: TestEngine | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

describe.skipIf(process.platform === 'win32')('data dir file modes', () => {
  const files = ['switchboard.db', 'switchboard.db-wal', 'switchboard.db-shm', 'settings.json'];

  it('creates the dir 0700 and every private file 0600', async () => {
    const dataDir = join(tempDataDir(), 'fresh');
    t = await startTestEngine({ dataDir });
    await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', body: '{}' });
    expect(mode(dataDir)).toBe(0o700);
    for (const f of files) expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
  });

  it('tightens an existing dir and files at start', async () => {
    const dataDir = tempDataDir();
    t = await startTestEngine({ dataDir });
    await t.stop();
    chmodSync(dataDir, 0o755);
    mkdirSync(dataDir, { recursive: true });
    for (const f of files) {
      writeFileSync(join(dataDir, f), '', { flag: 'a' });
      chmodSync(join(dataDir, f), 0o644);
    }
    rmSync(join(dataDir, 'switchboard.db-wal'));
    rmSync(join(dataDir, 'switchboard.db-shm'));
    t = await startTestEngine({ dataDir });
    expect(mode(dataDir)).toBe(0o700);
    for (const f of files) expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
  });
});
