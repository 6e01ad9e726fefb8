// Command-line options of the desktop app: the same `--data-dir` and `--receiver-port` as browser
// mode, so `npm start -- --data-dir D` means the same thing whichever mode starts. Chromium's
// and Electron's own switches are ignored. Electron-free: unit-tested.
import { parseArgs } from 'node:util';
import { defaultDataDir } from './engine/data-dir';
import { parsePort } from './engine/parse-port';

export interface DesktopOptions {
  dataDir: string;
  receiverPort?: number;
}

export function desktopOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): DesktopOptions {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'receiver-port': { type: 'string' } },
  });
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(env);
  const port = values['receiver-port'];
  if (typeof port !== 'string') return { dataDir };
  return { dataDir, receiverPort: parsePort(port, '--receiver-port') };
}
