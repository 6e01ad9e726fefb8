// Publishes one task's events on the SDK's event bus, like the Python SDK's TaskUpdater:
// submit (the Task), working status with an agent message, artifacts, completed or failed.
// Invariant: once the task's signal aborts (canceled, agent stopped), nothing more is published.
import { Role, TaskState, type Message, type Part } from '@a2a-js/sdk';
import { AgentEvent, type ExecutionEventBus, type RequestContext } from '@a2a-js/sdk/server';
import { randomUUID } from 'node:crypto';

export function textPart(text: string): Part {
  return {
    content: { $case: 'text', value: text },
    metadata: undefined,
    filename: '',
    mediaType: 'text/plain',
  };
}

/** The user's text: every text part of the message, joined (Python's get_user_input()). */
export function userText(rc: RequestContext): string {
  return rc.userMessage.parts
    .map((p) => (p.content?.$case === 'text' ? p.content.value : ''))
    .filter((t) => t.length > 0)
    .join('\n');
}

export class TaskPublisher {
  constructor(
    private readonly rc: RequestContext,
    private readonly bus: ExecutionEventBus,
    readonly signal: AbortSignal,
  ) {}

  get taskId(): string {
    return this.rc.taskId;
  }

  agentMessage(text: string): Message {
    return {
      messageId: randomUUID(),
      contextId: this.rc.contextId,
      taskId: this.rc.taskId,
      role: Role.ROLE_AGENT,
      parts: [textPart(text)],
      metadata: undefined,
      extensions: [],
      referenceTaskIds: [],
    };
  }

  submit(): void {
    if (this.rc.task) {
      this.publish(AgentEvent.task(this.rc.task));
      return;
    }
    this.publish(
      AgentEvent.task({
        id: this.rc.taskId,
        contextId: this.rc.contextId,
        status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: now() },
        artifacts: [],
        history: [this.rc.userMessage],
        metadata: undefined,
      }),
    );
  }

  status(state: TaskState, text?: string): void {
    this.publish(
      AgentEvent.statusUpdate({
        taskId: this.rc.taskId,
        contextId: this.rc.contextId,
        status: {
          state,
          message: text === undefined ? undefined : this.agentMessage(text),
          timestamp: now(),
        },
        metadata: undefined,
      }),
    );
  }

  working(text?: string): void {
    this.status(TaskState.TASK_STATE_WORKING, text);
  }

  artifact(name: string, text: string): void {
    this.publish(
      AgentEvent.artifactUpdate({
        taskId: this.rc.taskId,
        contextId: this.rc.contextId,
        artifact: {
          artifactId: randomUUID(),
          name,
          description: '',
          parts: [textPart(text)],
          metadata: undefined,
          extensions: [],
        },
        append: false,
        lastChunk: true,
        metadata: undefined,
      }),
    );
  }

  complete(): void {
    this.status(TaskState.TASK_STATE_COMPLETED);
  }

  fail(text: string): void {
    this.status(TaskState.TASK_STATE_FAILED, text);
  }

  private publish(event: Parameters<ExecutionEventBus['publish']>[0]): void {
    if (!this.signal.aborted) this.bus.publish(event);
  }
}

function now(): string {
  return new Date().toISOString();
}
