// Timestamps formatted like Python's datetime.isoformat(). The tutorial uses naive local
// datetime.now(); we use UTC with its offset (datetime.now(timezone.utc).isoformat()) so a
// reader anywhere knows the instant. Python omits the fraction when microseconds are 0.

export function pyIsoformat(date: Date = new Date()): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const micros = date.getUTCMilliseconds() * 1000;
  return `${base}${micros ? `.${pad(micros, 6)}` : ''}+00:00`;
}

/** Unix time in whole seconds, as str(int(datetime.now().timestamp())). */
export function unixSeconds(nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}
