// The desktop app's flags mean what browser mode's mean, and without them it opens the same
// default data dir as `switchboard serve`, `demo` and `replay`.
import { describe, expect, it } from 'vitest';
import { desktopOptions } from '../../../electron/desktop-options';
import { defaultDataDir } from '../../../electron/engine/data-dir';

describe('desktopOptions', () => {
  it('defaults to the data dir every other entry point uses', () => {
    expect(desktopOptions(['.'], {})).toEqual({ dataDir: defaultDataDir({}) });
    const env = { SWITCHBOARD_DATA_DIR: '/tmp/sb-shared' };
    expect(desktopOptions(['.'], env)).toEqual({ dataDir: '/tmp/sb-shared' });
  });

  it('reads --data-dir and --receiver-port and ignores Chromium switches', () => {
    const argv = [
      '.',
      '--no-sandbox',
      '--data-dir',
      '/tmp/d',
      '--receiver-port=0',
      '--enable-logging',
    ];
    expect(desktopOptions(argv, {})).toEqual({ dataDir: '/tmp/d', receiverPort: 0 });
  });

  it('refuses a bad port with the flag named', () => {
    expect(() => desktopOptions(['--receiver-port', 'x'], {})).toThrow(
      '--receiver-port must be a port number from 0 to 65535, got "x"',
    );
  });
});
