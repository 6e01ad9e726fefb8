// The stream conformance linter: a function of the frames of one SSE exchange, run frame by frame
// as they arrive (createStreamLinter) or over a whole exchange (lintStream, the same code). Each
// finding names its rule and the frame it points at. Webhooks: lint-webhooks.ts.
import { LINT_RULES, type LintRuleId } from './lint-rules';
import { normalizeEnvelope } from './normalize';
import type { Finding, NormalizedEvent, ProtocolVersion, TaskState } from './types';
import { INTERRUPTED_STATES, TERMINAL_STATES } from './types';

export interface LintFrame {
  id: number;
  /** The `data` field as received (null for frames without data, e.g. comments). */
  data: string | null;
  /** Already parsed (the engine stores each frame's parse): skips JSON.parse of `data`.
   *  `problem` carries a parse finding recorded at ingest. */
  parsed?: { event: NormalizedEvent | null; problem?: Finding };
}

export interface LintInput {
  version: ProtocolVersion;
  /** 'send' = message/stream | SendStreamingMessage; 'subscribe' = resubscribe | SubscribeToTask. */
  method: 'send' | 'subscribe';
  contentType: string | null;
  /** gRPC streams carry no SSE content type (their messages are frames all the same). */
  transport?: string | null;
  frames: LintFrame[];
  /** 'complete': the agent closed the stream; 'disconnected' / 'open': the user or nobody did. */
  ended: 'complete' | 'disconnected' | 'open' | 'error';
  /** Bytes left after the last complete frame when the stream closed. */
  truncatedTail?: boolean;
}

export function finding(rule: LintRuleId, frameId: number | null, detail?: string): Finding {
  const [severity, text] = LINT_RULES[rule];
  return { rule, severity, message: detail ? `${text} ${detail}` : text, frameId };
}

/** Parses a frame's data into a normalized event, or a parse finding. */
export function parseFrame(frame: LintFrame): { event?: NormalizedEvent; finding?: Finding } {
  if (frame.parsed) {
    const { event, problem } = frame.parsed;
    return {
      ...(event ? { event } : {}),
      ...(problem ? { finding: { ...problem, frameId: frame.id } } : {}),
    };
  }
  if (frame.data === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(frame.data);
  } catch (err) {
    return { finding: finding('invalid-json', frame.id, (err as Error).message) };
  }
  const env = json as Record<string, unknown> | null;
  if (
    !env ||
    typeof env !== 'object' ||
    env['jsonrpc'] !== '2.0' ||
    (!('result' in env) && !('error' in env))
  ) {
    return { finding: finding('not-jsonrpc', frame.id) };
  }
  return { event: normalizeEnvelope(json) };
}

/** What the stream linter knows before the first frame. */
export type LintHeader = Pick<LintInput, 'version' | 'method' | 'contentType' | 'transport'>;

export interface StreamLinter {
  /** Findings known before any frame (the content type). */
  opening: Finding[];
  /** Lints the next frame, in arrival order; returns its findings. */
  push(frame: LintFrame): Finding[];
  /** The stream closed (or is read as it stands): the findings about the whole stream. */
  end(ended: LintInput['ended'], truncatedTail?: boolean): Finding[];
}

/** The linter of one SSE exchange, fed frame by frame as they arrive (lint at ingest): the
 *  findings of push() and end() together are exactly those of lintStream over the same frames. */
export function createStreamLinter(input: LintHeader): StreamLinter {
  const opening: Finding[] = [];
  const ct = (input.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (ct !== 'text/event-stream' && input.transport !== 'GRPC')
    opening.push(finding('wrong-content-type', null, `Got \`${input.contentType ?? 'none'}\`.`));
  let taskId: string | undefined;
  let contextId: string | undefined;
  let ended: number | null = null;
  let sawFinal = false;
  let lastState: TaskState | undefined;
  let first = true;
  let taskful = false;
  const artifacts = new Map<string, boolean>();
  const push = (frame: LintFrame): Finding[] => {
    const out: Finding[] = [];
    const { event, finding: f } = parseFrame(frame);
    if (f) out.push(f);
    if (!event) return out;
    if (event.kind === 'error') {
      out.push(finding('error-frame', frame.id, `${event.error?.code}: ${event.error?.message}`));
      return out;
    }
    if (first && input.version === '1.0' && input.method === 'subscribe' && event.kind !== 'task') {
      out.push(finding('subscribe-not-task-first', frame.id, `First event: ${event.kind}.`));
    }
    first = false;
    if (ended !== null)
      out.push(finding('event-after-terminal', frame.id, `Stream ended at frame #${ended}.`));
    const expected = input.version === '1.0' ? 'v1.0' : 'v0.3';
    if (event.shape !== 'unknown' && event.shape !== expected) {
      out.push(finding('wrong-shape', frame.id, `Expected ${expected}, got ${event.shape}.`));
    }
    if (event.kind !== 'message') taskful = true;
    if (event.taskId) {
      if (taskId && event.taskId !== taskId)
        out.push(finding('task-id-mismatch', frame.id, `${event.taskId} ≠ ${taskId}.`));
      taskId ??= event.taskId;
    }
    if (event.contextId) {
      if (contextId && event.contextId !== contextId) {
        out.push(finding('context-id-mismatch', frame.id, `${event.contextId} ≠ ${contextId}.`));
      }
      contextId ??= event.contextId;
    }
    if (event.artifact) lintArtifact(event.artifact, frame.id, artifacts, out);
    if (event.state) lastState = event.state;
    if (event.final === true) {
      sawFinal = true;
      if (
        event.state &&
        !TERMINAL_STATES.has(event.state) &&
        !INTERRUPTED_STATES.has(event.state)
      ) {
        out.push(finding('final-on-nonterminal', frame.id, `State: ${event.state}.`));
      }
    }
    const terminal = event.state !== undefined && TERMINAL_STATES.has(event.state);
    if (
      ended === null &&
      (event.final === true ||
        (terminal && input.version === '1.0') ||
        (event.kind === 'message' && !taskful))
    ) {
      ended = frame.id;
    }
    return out;
  };
  const end = (how: LintInput['ended'], truncatedTail?: boolean): Finding[] => {
    const out: Finding[] = [];
    if (truncatedTail) out.push(finding('truncated-frame', null));
    if (how === 'complete' && taskful) {
      if (input.version === '0.3' && !sawFinal)
        out.push(finding('missing-final', null, `Last state: ${lastState ?? 'none'}.`));
      const settled =
        lastState && (TERMINAL_STATES.has(lastState) || INTERRUPTED_STATES.has(lastState));
      if (input.version === '1.0' && !settled)
        out.push(finding('missing-terminal', null, `Last state: ${lastState ?? 'none'}.`));
    }
    return out;
  };
  return { opening, push, end };
}

/** Lints a whole exchange at once (the stream linter over every frame, then its end). */
export function lintStream(input: LintInput): Finding[] {
  const linter = createStreamLinter(input);
  const out = [...linter.opening];
  for (const frame of input.frames) out.push(...linter.push(frame));
  out.push(...linter.end(input.ended, input.truncatedTail));
  return out;
}

function lintArtifact(
  a: NonNullable<NormalizedEvent['artifact']>,
  frameId: number,
  seen: Map<string, boolean>,
  out: Finding[],
): void {
  const closed = seen.get(a.id);
  if (closed === true) out.push(finding('artifact-after-last-chunk', frameId, `Artifact ${a.id}.`));
  if (a.append && closed === undefined)
    out.push(finding('artifact-append-unknown', frameId, `Artifact ${a.id}.`));
  seen.set(a.id, closed === true || a.lastChunk);
}
