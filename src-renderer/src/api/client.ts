/**
 * The typed client: the only way components reach the main side. Every answer is parsed with the
 * contract's zod schemas before anyone sees it; failures become an `ApiError` that names the field.
 */
import { contract, events as eventSchemas } from '@shared/ipc/contract';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '@shared/ipc/contract';
import { resultSchema } from '@shared/ipc/result';
import type { AppErrorData, ErrorCode } from '@shared/ipc/result';
import { detectTransport } from './transport';
import type { Transport } from './transport';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.field = data.field;
  }
}

export type ApiClient = {
  kind: Transport['kind'];
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

export function createClient(transport: Transport): ApiClient {
  return {
    kind: transport.kind,
    async invoke(channel, input) {
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, input);
      } catch {
        throw new ApiError({
          code: 'unreachable',
          message: 'Stackwise could not reach its data, so nothing was saved. Try again.',
        });
      }
      const envelope = resultSchema(contract[channel].output).safeParse(raw);
      if (!envelope.success) {
        throw new ApiError({ code: 'internal', message: `Unexpected answer from ${channel}.` });
      }
      if (!envelope.data.ok) throw new ApiError(envelope.data.error);
      return envelope.data.value as ChannelOutput<typeof channel>;
    },
    on(event, callback) {
      return transport.on(event, (payload) => {
        const parsed = eventSchemas[event].safeParse(payload);
        if (parsed.success) callback(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}

export const api: ApiClient = createClient(detectTransport());
