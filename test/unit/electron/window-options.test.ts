import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/window-options';

describe('buildWindowOptions', () => {
  const opts = buildWindowOptions({ preloadPath: '/app/preload.cjs', darkBackground: false });

  it('locks the renderer down', () => {
    expect(opts.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('starts hidden with a theme-matching background and optional icon', () => {
    expect(opts.show).toBe(false);
    expect(opts.icon).toBeUndefined();
    const dark = buildWindowOptions({ preloadPath: 'p', iconPath: '/i.png', darkBackground: true });
    expect(dark.backgroundColor).toBe('#15181d');
    expect(dark.icon).toBe('/i.png');
  });
});
