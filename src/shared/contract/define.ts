import { z } from 'zod';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ChannelDef<I, O> => ({ input, output });

/** Input of a channel that takes nothing: `undefined` or `{}`. */
export const NoInput = z.strictObject({}).optional();
