import type { FastifyInstance } from 'fastify';
import { type Health, PROTOCOL_VERSION } from '../../shared/protocol';
import type { Store } from '../store';

export function healthRoutes(app: FastifyInstance, store: Store, now: () => number) {
  app.get('/v1/health', { config: { rateLimit: false } }, async (): Promise<Health> => ({
    ok: true,
    protocol: PROTOCOL_VERSION,
    storage: store.dialect,
    time: now(),
  }));
}
