// The tutorial's Enterprise Security Agent (enterprise_security_agent.py), version 2.0.0. The
// message picks the task: "secure" (endpoint challenge, 5 steps of 3 s), "file" (4 files of 2 s,
// one artifact each plus a summary), "batch" (10 items in batches of 2, 3 s per batch), anything
// else a standard 2 s task. Webhooks carry a JWT, the HMAC signature and the tutorial metadata.
import type { CardSpec } from './agent-card';
import type { TaskBody } from './demo-executor';
import { batchTask, fileTask, secureTask, standardTask } from './enterprise-tasks';
import type { AgentRuntime } from './runtime';
import { userText } from './task-publisher';

export const ENTERPRISE_CARD: CardSpec = {
  name: 'Enterprise Security Agent',
  description: 'Production A2A agent with enterprise security and webhook features',
  version: '2.0.0',
  skills: [
    {
      id: 'enterprise_tasks',
      name: 'Secure, file and batch processing',
      description:
        'Messages containing "secure", "file" or "batch" run the matching task and send a ' +
        'JWT- and HMAC-signed webhook when done; anything else is a 2-second standard task.',
      examples: ['Run secure data processing', 'Process my files', 'Run batch processing job'],
    },
  ],
};

export function enterpriseTask(rt: AgentRuntime): TaskBody {
  return async (t, rc) => {
    const input = userText(rc);
    const lower = input.toLowerCase();
    if (lower.includes('secure')) await secureTask(rt, t, rc, input);
    else if (lower.includes('file')) await fileTask(rt, t, rc);
    else if (lower.includes('batch')) await batchTask(rt, t, rc);
    else await standardTask(rt, t, input);
  };
}
