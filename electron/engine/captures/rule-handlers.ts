// API handlers for the receiver's response rules (list, replace). Every change, by the API or
// by a failNext count running down, is announced as a 'response-rules' event.
import type { EngineHandlers } from '../../../shared/api';
import type { EngineContext } from '../context';

export function createRuleHandlers(
  ctx: Pick<EngineContext, 'responseRules' | 'emit'>,
): Pick<EngineHandlers, 'listResponseRules' | 'setResponseRules'> & { stop(): void } {
  const rules = ctx.responseRules;
  const stop = rules.onChange((list) => ctx.emit({ type: 'response-rules', rules: list }));
  return {
    listResponseRules: async () => rules.list(),
    setResponseRules: async ({ rules: next }) => rules.set(next),
    stop,
  };
}
