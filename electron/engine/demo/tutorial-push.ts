// The tutorial's non-standard push config: `params.pushNotificationConfig {url, secret}` beside
// `message` in a message/stream request. The SDK's request translation drops that field, so this
// middleware reads it from the raw JSON-RPC body before the SDK handler runs, and the context
// builder hands it to the executor through ServerCallContext.state.
// Invariant: the body is parsed once here; the SDK's own JSON parser sees it as already read.
import express, { type RequestHandler } from 'express';
import {
  defaultServerCallContextBuilder,
  type ServerCallContext,
  type ServerCallContextBuilder,
} from '@a2a-js/sdk/server';
import { parseWebhookUrl } from './url-policy';

export interface TutorialPushConfig {
  url: string;
  /** The client's HMAC secret; null means "use the configured secret". */
  secret: string | null;
  /** Sent as the Authorization header (the tutorial's `auth_header`). */
  authorization: string | null;
}

export const TUTORIAL_PUSH_STATE_KEY = 'switchboard.tutorialPushConfig';
const BODY_LIMIT = '1mb';

function str(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;
}

/** Reads `params.pushNotificationConfig` of a JSON-RPC body; null when absent or unusable. */
export function readTutorialPushConfig(body: unknown): TutorialPushConfig | null {
  if (typeof body !== 'object' || body === null) return null;
  const params = (body as { params?: unknown }).params;
  if (typeof params !== 'object' || params === null) return null;
  const cfg = (params as { pushNotificationConfig?: unknown }).pushNotificationConfig;
  if (typeof cfg !== 'object' || cfg === null) return null;
  const fields = cfg as Record<string, unknown>;
  const url = str(fields['url'], 4096);
  if (!url) return null;
  try {
    parseWebhookUrl(url);
  } catch {
    return null;
  }
  return {
    url,
    secret: str(fields['secret'], 4096),
    authorization:
      str(fields['auth_header'], 8192) ??
      str(fields['authHeader'], 8192) ??
      str(fields['authorization'], 8192),
  };
}

export function tutorialPushOf(context: ServerCallContext): TutorialPushConfig | null {
  const value = context.state.get(TUTORIAL_PUSH_STATE_KEY);
  return value ? (value as TutorialPushConfig) : null;
}

export function createTutorialPushCapture(): {
  middleware: RequestHandler;
  contextBuilder: ServerCallContextBuilder;
} {
  // Keyed by the request's headers object: the SDK passes that same object to the context
  // builder, which is the only request-scoped value the builder receives.
  const configs = new WeakMap<object, TutorialPushConfig>();
  const parse = express.json({ limit: BODY_LIMIT });

  const middleware: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: number }).status ?? 400;
        res.status(status === 413 ? 413 : 200).json({
          jsonrpc: '2.0',
          id: null,
          error: { code: -32700, message: `Parse error: ${(err as Error).message}` },
        });
        return;
      }
      const config = readTutorialPushConfig(req.body);
      if (config) configs.set(req.headers, config);
      next();
    });
  };

  const contextBuilder: ServerCallContextBuilder = (options) => {
    const context = defaultServerCallContextBuilder(options);
    const config = configs.get(options.headers);
    if (config) context.state.set(TUTORIAL_PUSH_STATE_KEY, config);
    return context;
  };

  return { middleware, contextBuilder };
}
