// Bottom status bar: receiver URL and whether it listens, total captures, bridge connection.
import { useApp } from '../state/store';
import { CopyButton } from './CopyButton';

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
} as const;

export function StatusBar() {
  const receiver = useApp((s) => s.receiver);
  const total = useApp((s) => s.total);
  const connection = useApp((s) => s.connection);
  const receiverState = !receiver ? 'unknown' : receiver.listening ? 'ok' : 'error';
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className="status-item" title={receiver?.error ?? undefined}>
        <span className={`dot dot-${receiverState}`} aria-hidden="true" />
        Receiver{' '}
        {receiver ? (
          <>
            <code className="mono" data-testid="receiver-url">
              {receiver.url}
            </code>
            <CopyButton text={receiver.url} label="Copy" small />
            {!receiver.listening && (
              <span className="status-error">{receiver.error ?? 'not listening'}</span>
            )}
          </>
        ) : (
          '…'
        )}
      </span>
      <span className="status-item" data-testid="capture-count">
        {total.toLocaleString('en-US')} {total === 1 ? 'capture' : 'captures'}
      </span>
      <span className="status-spacer" />
      <span className="status-item" data-testid="connection" data-state={connection}>
        <span
          className={`dot dot-${connection === 'open' ? 'ok' : connection === 'closed' ? 'error' : 'warn'}`}
          aria-hidden="true"
        />
        {CONNECTION_LABEL[connection]}
      </span>
    </footer>
  );
}
