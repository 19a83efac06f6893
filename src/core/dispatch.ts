import { contract, isChannel, type Channel, type Output } from '../shared/contract';
import { AppError, fail, ok, type Result } from '../shared/result';
import { describeIssues } from '../shared/validation';
import type { Handlers } from './handlers/types';

export interface DispatchOptions {
  /** Told about unexpected failures (never sent to the caller). */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * The single entry from any transport (Electron IPC, the e2e bridge) into the handlers:
 * validates the channel and the input, runs the handler, and always answers a Result.
 */
export async function dispatch(
  handlers: Handlers,
  channelName: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<Output<Channel>>> {
  if (!isChannel(channelName)) {
    // Not String(channelName): an object like {toString: ''} makes that throw.
    const shown = typeof channelName === 'string' ? channelName.slice(0, 80) : typeof channelName;
    return fail('unknown_channel', `Unknown channel: ${shown}`);
  }
  const def = contract[channelName];
  const parsed = def.input.safeParse(rawInput);
  if (!parsed.success) {
    return fail(
      'invalid_input',
      `Invalid input for ${channelName}: ${describeIssues(parsed.error)}`,
    );
  }
  try {
    const handler = handlers[channelName] as (input: unknown) => Promise<Output<Channel>>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message, error.text);
    options.onInternalError?.(channelName, error);
    return fail('internal', `Something went wrong while handling ${channelName}.`);
  }
}
