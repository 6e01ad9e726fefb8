// The long-task-with-push story driven over gRPC in the UI (issue 17), in Chromium: a demo agent
// switched to its GRPC interface runs a quick task and the long task with push; the stream
// rows, states and the completion webhook with its verdict land on the same timeline, and a
// row's wire exchange shows the gRPC call as it went: method path, status, trailers, each
// message's bytes in hex beside its JSON, and a grpcurl command. axe finds nothing serious.
import { expect, test } from './serve-fixture';
import { audit } from './axe-audit';

test.use({ viewport: { width: 1440, height: 900 } });

test('choose GRPC for a demo agent; the story runs over gRPC', async ({ page, sb }) => {
  test.setTimeout(90_000);
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Demo agents', exact: true }).click();
  const long = page.getByTestId('demo-agent-long');
  await long.getByLabel('Port').fill('0');
  await long.getByLabel('Speed').fill('6');
  await long.getByRole('button', { name: 'Start' }).click();
  await expect(long.getByTestId('demo-status')).toHaveText('running');
  await long.getByRole('button', { name: 'Open in Agents' }).click();

  const card = page.getByTestId('section-card');
  if (!(await card.evaluate((d) => (d as HTMLDetailsElement).open)))
    await card.locator('summary').click();
  await page.getByLabel('Transport').selectOption('GRPC');
  await expect(page.getByTestId('transport-in-use')).toHaveText('in use: GRPC');
  const [stored] = await sb.api<{ transport: string }[]>('/api/agents');
  expect(stored?.transport).toBe('GRPC');

  // A quick task: the stream's messages are rows; the wire exchange is the gRPC call.
  await page.getByLabel('Message', { exact: true }).fill('Process this quickly');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 20_000 });
  const rows = page.getByTestId('tl-row');
  await rows.first().click();
  const wire = page.getByTestId('wire-exchange');
  await wire.locator('summary').click();
  await expect(wire.getByTestId('wire-request-line')).toContainText(
    /^GRPC · .*SendStreamingMessage → OK$/,
  );
  const grpc = wire.getByTestId('wire-grpc');
  await expect(grpc).toContainText('/lf.a2a.v1.A2AService/SendStreamingMessage');
  await expect(grpc.getByTestId('wire-grpc-status')).toHaveText(/^0 OK/);
  const message = grpc.getByTestId('wire-grpc-message').first();
  await expect(message.locator('pre').first()).toHaveText(/^[0-9a-f]+$/);
  await expect(message.locator('pre').last()).toContainText('"taskId"');
  await expect(wire.getByRole('button', { name: 'Copy as grpcurl' })).toBeVisible();
  const findings = await audit(page, 'Agents (gRPC wire exchange)');

  // The long task with push over gRPC: the completion webhook lands on the same timeline.
  await page.getByLabel('Message', { exact: true }).fill('Run a long machine learning task');
  await page.getByRole('checkbox', { name: 'push' }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(rows.filter({ hasText: 'working' }).first()).toBeVisible();
  const hooks = rows.and(page.locator('[data-source="webhook"]'));
  await expect(hooks.first()).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 40_000 });
  await expect(hooks.last()).toHaveAttribute('title', /VALID/);
  expect(findings).toEqual([]);
});
