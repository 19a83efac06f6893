import type { z } from 'zod';
import { appChannels } from './contract/app';
import { customersChannels } from './contract/customers';
import { earningsChannels } from './contract/earnings';
import { events } from './contract/events';
import { feedChannels } from './contract/feed';
import { kbChannels } from './contract/kb';
import { kbFeedbackChannels } from './contract/kbFeedback';
import { nbaChannels } from './contract/nba';
import { notSentChannels } from './contract/notSent';
import { syncChannels } from './contract/sync';
import { ticketsChannels } from './contract/tickets';
import { trustChannels } from './contract/trust';
import { coursesChannels } from './contract/courses';
import { updateChannels } from './contract/update';
import { diagnosticsChannels } from './contract/diagnostics';

/**
 * The one IPC contract: channel `domain:action` → zod input/output schemas.
 * Each feature defines its channels in `contract/<feature>.ts` and is spread in here.
 */
export const contract = {
  ...appChannels,
  ...customersChannels,
  ...earningsChannels,
  ...feedChannels,
  ...kbChannels,
  ...kbFeedbackChannels,
  ...nbaChannels,
  ...notSentChannels,
  ...syncChannels,
  ...ticketsChannels,
  ...trustChannels,
  ...coursesChannels,
  ...updateChannels,
  ...diagnosticsChannels,
};

export { events };

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (before defaults and transforms). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
