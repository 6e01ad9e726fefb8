// Decoded JWT (display only; the JWT check says whether it verified): header and claims, with
// numeric dates shown in local time and relative ("expired 3 min ago"). The clock ticks every 15 s.
import { useEffect, useState } from 'react';
import { expiryPhrase, relativeTime } from '../../../lib/format';
import { useClock } from '../../../state/display-prefs';
import type { DecodedJwt } from '../../../../shared/verify/jwt-decode';
import { isTimeClaim } from '../../../lib/jwt-display';

function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function ClaimValue({ name, value, now }: { name: string; value: unknown; now: number }) {
  const clock = useClock();
  if (!isTimeClaim(name, value))
    return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
  const ms = value * 1000;
  const phrase = name === 'exp' ? expiryPhrase(value, now) : relativeTime(ms, now);
  return (
    <>
      {String(value)}{' '}
      <span
        className={name === 'exp' && ms <= now ? 'time-note expired' : 'time-note'}
        data-testid={`jwt-${name}-note`}
      >
        {clock.dateTime(ms)} · {phrase}
      </span>
    </>
  );
}

function Table({
  title,
  data,
  now,
}: {
  title: string;
  data: Record<string, unknown>;
  now: number;
}) {
  return (
    <div className="jwt-part">
      <div className="field-label">{title}</div>
      <dl className="kv">
        {Object.entries(data).map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt className="mono">{k}</dt>
            <dd className="mono break">
              <ClaimValue name={k} value={v} now={now} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function JwtPanel({ decoded }: { decoded: DecodedJwt }) {
  const now = useNow();
  return (
    <section className="panel" data-testid="jwt">
      <h2 className="panel-title">
        JWT <span className="muted small">decoded from Authorization: Bearer (not a verdict)</span>
      </h2>
      <div className="jwt-grid">
        <Table title="Header" data={decoded.header} now={now} />
        <Table title="Claims" data={decoded.claims} now={now} />
      </div>
    </section>
  );
}
