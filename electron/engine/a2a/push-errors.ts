// Recognizes an agent refusing Switchboard's webhook URL and explains why: the A2A spec
// (v1.0 §13.2) tells agents to refuse localhost and private addresses as push targets to
// prevent SSRF, and Switchboard's receiver is on localhost by design.
import { ApiError } from '../../../shared/api';
import { looksLikeWebhookUrlRejection } from '../../../shared/a2a/rpc-errors';
import { RpcError } from './rpc-client';

export function explainPushRejection(err: unknown, url: string): unknown {
  if (!(err instanceof RpcError)) return err;
  if (err.rpcCode === -32003) {
    return new ApiError(
      422,
      'push_not_supported',
      `The agent does not support push notifications (JSON-RPC -32003: "${err.rpcMessage}"). Send without push, or check capabilities.pushNotifications in its card.`,
    );
  }
  if (!looksLikeWebhookUrlRejection(err.rpcMessage)) return err;
  return new ApiError(
    422,
    'webhook_url_rejected',
    `The agent refused the webhook URL ${url} ("${err.rpcMessage}", JSON-RPC ${err.rpcCode}). ` +
      'The A2A spec tells agents to refuse localhost and private addresses as push-notification targets (SSRF protection), ' +
      "and Switchboard's receiver listens on localhost. What to do: allow localhost webhooks in the agent's development " +
      'configuration, or expose the receiver through a public tunnel (e.g. an HTTPS tunnel to the receiver port) and send ' +
      'again with that URL as pushUrl; or send without push and follow the task over the stream.',
  );
}
