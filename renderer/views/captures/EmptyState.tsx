// Shown before the first capture: the receiver URL to give an agent and a curl command that sends
// a correctly signed sample webhook (signed in the page with the current secret, never sent
// anywhere by us). Rows appear live as soon as anything arrives. No agent yet: one button starts
// the tutorial's two demo agents and opens their screen.
import { errorText } from '../../../shared/error-text';
import { useEffect, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { buildSampleWebhook } from '../../lib/sample-webhook';
import { useApp } from '../../state/store';

export function EmptyState() {
  const receiver = useApp((s) => s.receiver);
  const view = useApp((s) => s.settingsView);
  const [command, setCommand] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taskId] = useState(() => `sample-${Math.floor(Date.now() / 1000).toString(36)}`);
  const reveal = useApp((s) => s.revealSecret);
  const setView = useApp((s) => s.setView);
  // Free ports: the tutorial's own agents may already hold 8001 and 8002 (the Demo agents screen
  // starts them there).
  const startBoth = useApp((s) => s.demo.startBoth);
  const startDemo = () => {
    setView('demo');
    void startBoth(true);
  };
  // Settings views carry secrets masked: the sample is signed with the revealed values.
  const hasSecret = !!view?.settings.webhookSecret;
  const hasToken = !!view?.settings.notificationToken;
  const url = receiver?.url ?? '';

  useEffect(() => {
    if (!url || !hasSecret) return;
    let cancelled = false;
    Promise.all([reveal('webhookSecret'), hasToken ? reveal('notificationToken') : ''])
      .then(([secret, token]) =>
        buildSampleWebhook({
          receiverUrl: url,
          webhookSecret: secret,
          notificationToken: token,
          taskId,
          now: new Date(),
        }),
      )
      .then(
        (s) => !cancelled && setCommand(s.command),
        (err: unknown) => !cancelled && setError(errorText(err)),
      );
    return () => {
      cancelled = true;
    };
    // `view` changes when a secret is saved or regenerated: sign again with the new value.
  }, [url, hasSecret, hasToken, taskId, reveal, view]);

  return (
    <div className="empty" data-testid="empty-state">
      <div className="empty-card">
        <h2 className="empty-title">Waiting for webhooks</h2>
        <p className="muted">
          Point your agent’s push-notification URL at the receiver below. Every request is captured
          byte-exact and verified against your settings; it shows up here live.
        </p>
        <div className="field-label">Receiver URL</div>
        <div className="copy-line">
          <code className="mono" data-testid="empty-receiver-url">
            {url ? `${url.replace(/\/$/, '')}/webhook` : 'starting…'}
          </code>
          {url && <CopyButton text={`${url.replace(/\/$/, '')}/webhook`} label="Copy URL" />}
        </div>
        {receiver && !receiver.listening && (
          <p className="error-text">
            Receiver is not listening: {receiver.error ?? 'unknown error'}
          </p>
        )}
        <div className="field-label">Send a signed sample</div>
        <p className="muted small">
          HMAC-SHA256 over the exact body with your current webhook secret, as the A2A tutorial
          signs it. Run it in a terminal:
        </p>
        <pre className="code-block mono" data-testid="sample-curl">
          {error ? `Cannot sign the sample: ${error}` : (command ?? 'Computing signature…')}
        </pre>
        {command && <CopyButton text={command} label="Copy command" testId="copy-sample" />}
        <div className="field-label">No agent yet?</div>
        <p className="muted small">
          Start the tutorial&rsquo;s two demo agents on free ports: give one a task and its signed
          webhooks land here, beside its live timeline on the Agents screen.
        </p>
        <button type="button" className="btn" onClick={startDemo} data-testid="empty-start-demo">
          Start the demo agents
        </button>
      </div>
    </div>
  );
}
