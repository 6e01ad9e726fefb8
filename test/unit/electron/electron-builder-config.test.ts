// electron-builder cannot run here (it downloads Electron), so this checks its config instead:
// targets per OS, fuses, and that everything it packs and points at exists after a build.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  directories: { buildResources: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('names the app and targets every desktop OS', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Switchboard');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
    expect(pkg.scripts['dist']).toContain('electron-builder --config electron-builder.yml');
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs files and icons that exist', () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon])
      expect(existsSync(icon)).toBe(true);
    expect(existsSync(config.directories.buildResources)).toBe(true);
    const roots = config.files.filter((f) => !f.startsWith('!')).map((f) => f.split('/')[0] ?? f);
    expect(roots).toEqual(expect.arrayContaining(['dist', 'dist-electron', 'package.json']));
    // package.json's main is what Electron loads: it must be inside the packed files and built
    // by build:electron (scripts/build-electron.mjs writes it).
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(readFileSync('scripts/electron-bundles.mjs', 'utf8')).toContain(
      'outfile: `${outDir}/main.cjs`',
    );
    expect(readFileSync('scripts/electron-bundles.mjs', 'utf8')).toContain(
      'outfile: `${outDir}/preload.cjs`',
    );
    expect(readFileSync('vite.config.ts', 'utf8')).toContain("outDir: '../dist/renderer'");
  });
});
