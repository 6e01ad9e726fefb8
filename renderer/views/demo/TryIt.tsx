// "Try it": the tutorial's request to a running demo agent as a copyable curl, with push pointed
// at Switchboard's receiver (<receiver>/webhook), so the webhook shows up in Captures and in the
// delivery log. Values are shell-quoted by tryItCurl.
import { CopyButton } from '../../components/CopyButton';
import { tryItCurl } from './demo-model';

export function TryIt(props: { agentUrl: string; receiverUrl: string; text: string }) {
  const curl = tryItCurl(props.agentUrl, props.receiverUrl, props.text);
  return (
    <div className="demo-try">
      <div className="demo-row">
        <strong>Try it</strong>
        <span className="muted">the tutorial&apos;s request; the webhook lands in Captures</span>
        <span className="spacer" />
        <CopyButton text={curl} label="Copy curl" small />
      </div>
      <pre className="code-block demo-curl" data-testid="demo-curl">
        {curl}
      </pre>
    </div>
  );
}
