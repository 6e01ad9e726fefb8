// The demo agents' request handler: the SDK's DefaultRequestHandler, plus one conformance fix.
// Getting a push config without an id (v0.3 `tasks/pushNotificationConfig/get {id}` with no
// `pushNotificationConfigId`, or v1.0 with an empty `id`) returns the task's config when there
// is one; the SDK alone answers "not found" unless the config's id happens to be empty.
import type { GetTaskPushNotificationConfigRequest, TaskPushNotificationConfig } from '@a2a-js/sdk';
import {
  DefaultRequestHandler,
  type PushNotificationStore,
  type ServerCallContext,
} from '@a2a-js/sdk/server';

export class DemoRequestHandler extends DefaultRequestHandler {
  private pushConfigs: PushNotificationStore | undefined;

  constructor(...args: ConstructorParameters<typeof DefaultRequestHandler>) {
    super(...args);
    this.pushConfigs = args[4];
  }

  override async getTaskPushNotificationConfig(
    params: GetTaskPushNotificationConfigRequest,
    context: ServerCallContext,
  ): Promise<TaskPushNotificationConfig> {
    if (!params.id && this.pushConfigs) {
      const first = (await this.pushConfigs.load(params.taskId, context))[0];
      if (first) return super.getTaskPushNotificationConfig({ ...params, id: first.id }, context);
    }
    return super.getTaskPushNotificationConfig(params, context);
  }
}
