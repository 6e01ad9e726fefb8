// The demo service's lifecycle and the `switchboard demo` CLI: a busy port is an actionable 409
// and an 'error' status, restarting on another port, close() frees the ports, rule changes are
// events; the CLI parses its flags, prints URLs and the tutorial request hint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDemoArgs, runDemoCli } from '../../electron/cli/demo-cli';
import { createDemoService } from '../../electron/engine/demo/index';
import { createEngineContext, type EngineContext } from '../../electron/engine/context';
import { DEFAULT_SETTINGS } from '../../shared/model';
import { openDatabase, type Db } from '../../electron/engine/store/open-store';
import { ApiError } from '../../shared/api/define';
import type { EngineEvent } from '../../shared/events';
import { responseRuleInput, type ResponseRuleInput } from '../../shared/api/captures';
import { secret } from './demo-helpers';
import { createRuleHandlers } from '../../electron/engine/captures/rule-handlers';

/** What the API bindings hand the handler: the input with zod's defaults filled in. */
const rule = (input: ResponseRuleInput) => responseRuleInput.parse(input);

let dir: string;
let db: Db;
const events: EngineEvent[] = [];

function context(): EngineContext {
  const settings = { ...DEFAULT_SETTINGS, webhookSecret: secret('h'), jwtSecret: secret('j') };
  return createEngineContext({
    db,
    dataDir: dir,
    settings: { get: () => settings, onChange: () => () => undefined },
    emit: (e) => events.push(e),
    receiverUrl: () => 'http://127.0.0.1:9',
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-demo-service-'));
  db = openDatabase(dir);
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo service', () => {
  it('reports a busy port as a 409 with an error status, then starts elsewhere', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    const demo = createDemoService(context());
    try {
      const failed = demo.handlers.startDemoAgent({ name: 'long', port: busy });
      await expect(failed).rejects.toBeInstanceOf(ApiError);
      await expect(failed).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(/already in use/),
      });
      const [long] = await demo.handlers.listDemoAgents({});
      expect(long).toMatchObject({ status: 'error', url: null, defaultPort: 8001 });

      const started = await demo.handlers.startDemoAgent({ name: 'long', port: 0, speed: 10 });
      expect(started).toMatchObject({ status: 'running', speed: 10, error: null });
      expect(await demo.handlers.startDemoAgent({ name: 'long' })).toEqual(started);
      const moved = await demo.handlers.startDemoAgent({ name: 'long', port: 0, speed: 20 });
      expect(moved.speed).toBe(20);
      expect((await fetch(`${moved.url}.well-known/agent-card.json`)).status).toBe(200);
      await demo.stop();
      await expect(fetch(`${moved.url}.well-known/agent-card.json`)).rejects.toThrow();
      expect(
        events
          .filter((e) => e.type === 'demo-agent')
          .map((e) => e.type === 'demo-agent' && e.agent.status),
      ).toEqual(expect.arrayContaining(['starting', 'error', 'running']));
    } finally {
      await demo.stop();
      blocker.close();
    }
  });

  it('edits response rules and emits the new list; clears the delivery log', async () => {
    const ctx = context();
    const demo = createDemoService(ctx);
    const ruleHandlers = createRuleHandlers(ctx);
    const rules = await ruleHandlers.setResponseRules({
      rules: [rule({ path: '/w*', status: 503, failNext: 1 })],
    });
    expect(rules[0]).toMatchObject({
      method: '*',
      path: '/w*',
      status: 503,
      delayMs: 0,
      body: '',
      failNext: 1,
    });
    expect(await ruleHandlers.listResponseRules({})).toEqual(rules);
    ruleHandlers.stop();
    expect(events.at(-1)).toEqual({ type: 'response-rules', rules });
    expect(await demo.handlers.clearDeliveries({})).toEqual({ deleted: 0 });
    const page = await demo.handlers.listDeliveries({ limit: 10 });
    expect(page).toMatchObject({
      items: [],
      nextCursor: null,
      stats: { deliveries: 0, successRate: null },
    });
    await demo.stop();
  });
});

describe('switchboard demo CLI', () => {
  it('parses flags and refuses bad ones', () => {
    expect(
      parseDemoArgs(['--long-port', '0', '--enterprise-port=0', '--speed', '5'], {}),
    ).toMatchObject({
      longPort: 0,
      enterprisePort: 0,
      speed: 5,
    });
    expect(parseDemoArgs([], { SWITCHBOARD_DEMO_SPEED: '7' }).speed).toBe(7);
    expect(() => parseDemoArgs(['--long-port', 'x'], {})).toThrow(/port number/);
    expect(() => parseDemoArgs(['--bogus'], {})).toThrow(/unknown option/i);
  });

  it('starts both agents, prints their URLs and the tutorial request, never the secrets', async () => {
    const lines: string[] = [];
    const env = {
      SWITCHBOARD_WEBHOOK_SECRET: secret('cli-h'),
      SWITCHBOARD_JWT_SECRET: secret('cli-j'),
    };
    const agents = await runDemoCli(
      ['--long-port', '0', '--enterprise-port', '0', '--speed', '50', '--data-dir', dir],
      {
        env,
        out: (l) => lines.push(l),
        handleSignals: false,
      },
    );
    try {
      const text = lines.join('\n');
      expect(text).toContain(`Long-Running Task Agent     ${agents!.long.url}`);
      expect(text).toContain(`Enterprise Security Agent   ${agents!.enterprise.url}`);
      expect(text).toContain(`curl -N '${agents!.long.url}'`);
      expect(text).toContain('"pushNotificationConfig":{"url":"http://127.0.0.1:9000/webhook"}');
      expect(text).toContain('HMAC secret from SWITCHBOARD_WEBHOOK_SECRET');
      expect(text).not.toContain(env.SWITCHBOARD_WEBHOOK_SECRET);
      expect(text).not.toContain(env.SWITCHBOARD_JWT_SECRET);
      expect(agents!.long.speed).toBe(50);
    } finally {
      await agents?.close();
    }
  });
});
