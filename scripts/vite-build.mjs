// Runs `vite build` for production whatever NODE_ENV the caller has: under vitest it is "test",
// and Vite then builds React's development variant (jsxDEV, dev-only checks), several times
// slower to render. Arguments are passed on to vite's own command line.
import { pathToFileURL } from 'node:url';
import { binPath } from './bin-path.mjs';

process.env.NODE_ENV = 'production';
const vite = binPath('vite');
process.argv = [process.argv[0] ?? process.execPath, vite, ...process.argv.slice(2)];
await import(pathToFileURL(vite).href);
