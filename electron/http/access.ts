// Access control for browser mode's local API. Why each rule:
// - token: any local process or web page could otherwise read captured secrets;
// - Host: a DNS-rebinding page resolves its own name to 127.0.0.1, but its requests still carry
//   that foreign Host header;
// - Origin: a cross-site page may send simple requests to localhost; only our own origin may.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { TOKEN_PAGE, wantsPage } from './token-page';

export const TOKEN_COOKIE = 'switchboard_token';

export interface AccessOptions {
  token: string;
  port: () => number;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(host: string | undefined, port: number): boolean {
  return !!host && allowedHosts(port).includes(host.toLowerCase());
}

export function checkOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function accessControl(opts: AccessOptions): RequestHandler {
  return (req, res, next) => {
    const port = opts.port();
    if (!checkHost(req.headers.host, port)) {
      res.status(403).json({
        error: {
          code: 'bad_host',
          message: 'Host not allowed (DNS rebinding protection). Use http://127.0.0.1:' + port,
        },
      });
      return;
    }
    if (!checkOrigin(req.headers.origin, port)) {
      res
        .status(403)
        .json({ error: { code: 'bad_origin', message: 'Cross-origin requests are not allowed.' } });
      return;
    }
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const queryToken = typeof req.query['token'] === 'string' ? req.query['token'] : undefined;
    const presented = bearer ?? queryToken ?? cookieToken(req.headers.cookie);
    if (!presented || !sameToken(presented, opts.token)) {
      if (wantsPage(req.method, req.path, req.headers.accept)) {
        res.status(401).type('html').send(TOKEN_PAGE);
        return;
      }
      res.status(401).json({
        error: {
          code: 'unauthorized',
          message:
            'Missing or wrong token. Open the URL printed by `npm run serve` (it carries ?token=).',
        },
      });
      return;
    }
    if (queryToken) {
      // HttpOnly: page scripts never see the token; Strict: other sites cannot ride on it.
      res.cookie(TOKEN_COOKIE, queryToken, { httpOnly: true, sameSite: 'strict', path: '/' });
    }
    next();
  };
}
