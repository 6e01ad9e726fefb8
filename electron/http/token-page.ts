// The page a browser gets when it opens the UI without (or with a wrong) access token: what
// happened and how to get the UI address again, instead of a raw JSON error. Static text only
// (no request data echoed back) and no inline script or style, so the CSP holds.
export const TOKEN_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Switchboard: access token needed</title>
  </head>
  <body>
    <main>
      <h1>Switchboard needs its access token</h1>
      <p>
        This address is missing the token that protects your captured webhooks, or the token is
        from an earlier run. Switchboard only answers pages opened with it.
      </p>
      <h2>Get the address again</h2>
      <ul>
        <li>
          Look in the terminal where you ran <code>npm run serve</code>: it printed the UI address,
          ending in <code>?token=…</code>. Open that address.
        </li>
        <li>
          Closed the terminal? Start it again with <code>npm run serve</code>; a new address is
          printed (a new token each run, unless you pass <code>--token T</code> or set
          <code>SWITCHBOARD_TOKEN</code>).
        </li>
        <li>In the desktop app the window opens with the token; no address is needed.</li>
      </ul>
    </main>
  </body>
</html>
`;

/** A top-level browser navigation (not an API call): it should get the page, not JSON. */
export function wantsPage(method: string, path: string, accept: string | undefined): boolean {
  return method === 'GET' && !path.startsWith('/api/') && (accept ?? '').includes('text/html');
}
