// The tutorial's JSON-RPC request (a long task streamed, push pointed at `<receiver>/webhook`)
// and the curl command that sends it: one builder for the Demo agents screen's "try it" and the
// `switchboard demo` CLI's hint.
import { shellQuote } from './curl';

export function tutorialRequest(receiverUrl: string, text: string) {
  return {
    jsonrpc: '2.0',
    method: 'message/stream',
    id: '1',
    params: {
      message: { role: 'user', parts: [{ kind: 'text', text }], messageId: 'm-1', kind: 'message' },
      pushNotificationConfig: { url: `${receiverUrl.replace(/\/$/, '')}/webhook` },
    },
  };
}

export function tryItCurl(agentUrl: string, receiverUrl: string, text: string): string {
  const body = JSON.stringify(tutorialRequest(receiverUrl, text));
  return `curl -N ${shellQuote(agentUrl)} -H 'Content-Type: application/json' -d ${shellQuote(body)}`;
}
