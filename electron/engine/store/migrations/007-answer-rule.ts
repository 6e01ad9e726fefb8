// Migration 7: which receiver response rule answered a capture (JSON {ruleId, position, label},
// NULL when no rule matched and the receiver answered 200), and the kind of each registered
// push secret: the notification token, or the credential of a v1.0/v0.3 push config's
// `authentication` (sent back by the agent as `Authorization: <scheme> <credential>`).
export const answerRuleMigration = {
  version: 7,
  name: 'answer-rule-and-push-credentials',
  sql: `
    ALTER TABLE captures ADD COLUMN answered_by TEXT;
    ALTER TABLE push_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'token';
  `,
};
