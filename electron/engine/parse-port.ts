// One parser for every port flag of the CLI, browser mode and the desktop app.

export function parsePort(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${flag} must be a port number from 0 to 65535, got "${value}"`);
  return n;
}
