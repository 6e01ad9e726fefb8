// Guards the desktop app on machines where Electron cannot run: the SQLite binding the engine
// loads must be a Node-API module (exports napi_register_module_v1, not an ABI-bound
// node_register_module_vNNN), so the very same file loads in Node and in Electron unrebuilt.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function loadedSqliteBindings(): string[] {
  const report = process.report.getReport() as unknown as { sharedObjects: string[] };
  return report.sharedObjects.filter((p) => /better[-_]sqlite3.*\.node$/.test(p));
}

describe('better-sqlite3 binding', () => {
  it('is a Node-API prebuild, loaded from the package (nothing compiled)', () => {
    const db = new Database(':memory:');
    expect(db.prepare('select sqlite_version() as v').get()).toMatchObject({
      v: expect.any(String),
    });
    db.close();
    const [binding, ...others] = loadedSqliteBindings();
    expect(others).toEqual([]);
    expect(binding).toMatch(/better-sqlite3[/\\]prebuilds[/\\][a-z0-9-]+\.node$/);
    const bytes = readFileSync(binding!).toString('latin1');
    expect(bytes).toContain('napi_register_module_v1');
    expect(bytes).not.toMatch(/node_register_module_v\d+/);
  });
});
