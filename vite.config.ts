// Vite build of the renderer: root renderer/, output dist/renderer (served by electron/serve.ts in
// browser mode and by the app:// protocol in Electron). Relative base so both hosts work.
// In production builds a CSP meta tag is injected as defence in depth (the hosts also send it as a
// header, from the same electron/security.ts); dev mode skips it because Vite's HMR client needs inline scripts.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CSP } from './electron/security.ts';

function cspMeta(): Plugin {
  return {
    name: 'switchboard-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      // Why: everything an agent sends is rendered as text; a CSP without inline script is the
      // second line of defence should a rendering bug ever let markup through.
      return html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`,
      );
    },
  };
}

/** Dev only: `SWITCHBOARD_API=http://127.0.0.1:5170 SWITCHBOARD_TOKEN=<token> npx vite` proxies
 *  /api to a running `npm run serve`. The proxy presents the token and drops the browser's Origin
 *  (serve rejects foreign origins); production never goes through this. */
function devProxy() {
  const target = process.env['SWITCHBOARD_API'];
  if (!target) return undefined;
  const token = process.env['SWITCHBOARD_TOKEN'] ?? '';
  return {
    '/api': {
      target,
      changeOrigin: true,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      configure: (proxy: {
        on(event: 'proxyReq', fn: (req: { removeHeader(n: string): void }) => void): void;
      }) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: { host: '127.0.0.1', strictPort: false, proxy: devProxy() },
});
