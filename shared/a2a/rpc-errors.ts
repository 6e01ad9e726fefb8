// JSON-RPC error codes an A2A agent may answer with (JSON-RPC 2.0 reserved codes and the A2A
// codes of spec v0.3 §8 / v1.0), with a sentence a user can act on.
const MEANINGS: Record<number, string> = {
  [-32700]: 'Parse error: the agent could not parse the JSON Switchboard sent.',
  [-32600]: 'Invalid request: the agent rejected the JSON-RPC envelope.',
  [-32601]:
    'Method not found: the agent does not know this method — probably another protocol version (try switching between 0.3 and 1.0).',
  [-32602]:
    'Invalid params: the agent rejected the parameters (wrong shape for its protocol version?).',
  [-32603]: 'Internal error inside the agent.',
  [-32001]: 'Task not found: the agent does not know this task id (expired, or another agent).',
  [-32002]: 'Task not cancelable: the task is already in a terminal state or cannot be stopped.',
  [-32003]:
    'Push notifications not supported by this agent (capabilities.pushNotifications is off).',
  [-32004]:
    'Unsupported operation: the agent does not implement this operation (e.g. streaming off).',
  [-32005]: 'Content type not supported by the agent.',
  [-32006]: 'Invalid agent response.',
  [-32007]: 'Extended agent card not configured.',
  [-32008]: 'The agent requires an extension the client did not activate.',
  [-32009]:
    'Protocol version not supported: the agent refused the A2A-Version Switchboard sent (switch the protocol version).',
};

export function rpcErrorMeaning(code: number): string {
  if (MEANINGS[code]) return MEANINGS[code];
  if (code <= -32000 && code >= -32099)
    return 'Server-defined error (implementation-specific A2A error).';
  return 'Application error defined by the agent.';
}

/** True when an error answer to a request carrying a webhook URL looks like the agent refusing
 *  that URL (the spec tells agents to refuse localhost / private addresses against SSRF). */
export function looksLikeWebhookUrlRejection(message: string): boolean {
  return /(localhost|loopback|127\.0\.0\.1|private|internal address|ssrf|webhook|notification url|callback url|url not allowed|disallowed url)/i.test(
    message,
  );
}
