import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/menu';

const roles = (t: MenuItemConstructorOptions[]) =>
  t.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu.map((i) => i.role).filter(Boolean) : []));

describe('buildMenuTemplate', () => {
  it('has the usual edit, view and quit shortcuts', () => {
    const r = roles(buildMenuTemplate('linux'));
    for (const role of [
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'reload',
      'toggleDevTools',
      'zoomIn',
      'togglefullscreen',
    ]) {
      expect(r).toContain(role);
    }
  });
  it('adds the app menu on macOS', () => {
    const mac = buildMenuTemplate('darwin');
    expect(mac[0]?.label).toBe('Switchboard');
    expect(roles(mac)).toContain('hide');
  });
});
