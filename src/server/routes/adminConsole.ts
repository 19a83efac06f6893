import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BrandSettings,
  ContentListQuery,
  EscalationCloseRequest,
  MetricsQuery,
  EscalationQueueQuery,
  PayoutRulesDiffQuery,
  PayoutRunRequest,
  StatementQuery,
  type StatementsResponse,
  TaskCloseRequest,
  TaskListQuery,
} from '../../shared/consoleProtocol';
import { defuseFormula, toCsv } from '../../shared/domain/csv';
import { Id } from '../../shared/protocol';
import { requireAdmin } from '../http/auth';
import { parseInput } from '../http/validate';
import { closedCases, impact } from '../metrics/impact';
import { lifetimeValue } from '../metrics/lifetimeValue';
import { ApiFailure } from '../errors';
import type { Store } from '../store';

const IdParam = z.strictObject({ id: Id });
const TaskParam = z.strictObject({ taskId: Id });

/** The admin routes the console works through, beyond the feed pushes of admin.ts. */
export function adminConsoleRoutes(app: FastifyInstance, store: Store, now: () => number) {
  const opts = { onRequest: requireAdmin(store, now) };
  const brandOf = (request: FastifyRequest) => request.brand!.id;
  const actorOf = (request: FastifyRequest) => request.adminActor!.label;
  const c = store.console;

  app.get('/v1/admin/tasks', opts, async (request) =>
    c.listTasks(brandOf(request), parseInput(TaskListQuery, request.query, 'query')),
  );
  for (const [verb, to] of [
    ['withdraw', 'withdrawn'],
    ['close', 'closed'],
  ] as const)
    app.post(`/v1/admin/tasks/:id/${verb}`, opts, async (request) => {
      const { id } = parseInput(IdParam, request.params, 'params');
      parseInput(TaskCloseRequest, request.body ?? {});
      return c.endTask(brandOf(request), id, to, now());
    });

  app.get('/v1/admin/content', opts, async (request) =>
    c.listContent(brandOf(request), parseInput(ContentListQuery, request.query, 'query')),
  );

  app.get('/v1/admin/escalation-queue', opts, async (request) => ({
    escalations: await c.listQueue(
      brandOf(request),
      parseInput(EscalationQueueQuery, request.query, 'query').state,
    ),
  }));
  app.post('/v1/admin/escalations/:taskId/acknowledge', opts, async (request) => {
    const { taskId } = parseInput(TaskParam, request.params, 'params');
    return c.acknowledgeEscalation(brandOf(request), taskId, actorOf(request), now());
  });
  app.post('/v1/admin/escalations/:taskId/close', opts, async (request) => {
    const { taskId } = parseInput(TaskParam, request.params, 'params');
    const body = parseInput(EscalationCloseRequest, request.body);
    return c.closeEscalation(
      brandOf(request),
      taskId,
      body.outcome,
      body.note,
      actorOf(request),
      now(),
    );
  });

  app.post('/v1/admin/payouts/runs', opts, async (request, reply) => {
    const res = await c.runPayout(
      brandOf(request),
      parseInput(PayoutRunRequest, request.body),
      now(),
    );
    reply.code(res.runId ? 201 : 200);
    return res;
  });
  app.get('/v1/admin/payouts/statements', opts, async (request, reply) => {
    const q = parseInput(StatementQuery, request.query, 'query');
    const res = await c.statements(brandOf(request), q);
    if (q.format === 'json') return res;
    reply.type('text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="statements.csv"');
    return statementsCsv(res);
  });

  app.get('/v1/admin/payout-rules/versions', opts, async (request) =>
    c.listRuleVersions(brandOf(request)),
  );
  app.get('/v1/admin/payout-rules/diff', opts, async (request) => {
    const q = parseInput(PayoutRulesDiffQuery, request.query, 'query');
    return c.diffRuleVersions(brandOf(request), q.from, q.to);
  });

  app.get('/v1/admin/metrics', opts, async (request) => {
    const q = parseInput(MetricsQuery, request.query, 'query');
    if (q.to <= q.from) throw new ApiFailure('invalid_input', 'query.to: must be after from');
    const rows = await c.impactRows(brandOf(request), q.from, q.to);
    return {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      currency: rows.currency,
      contactCentreCostMinor: rows.contactCentreCostMinor,
      groups: impact(rows, q.groupBy),
      lifetimeValue: lifetimeValue({
        from: q.from,
        to: q.to,
        asOf: now(),
        currency: rows.currency,
        cases: closedCases(rows),
        customerEvents: rows.customerEvents,
      }),
    };
  });
  app.put('/v1/admin/settings', opts, async (request) =>
    c.setBrandSettings(brandOf(request), parseInput(BrandSettings, request.body), now()),
  );

  app.get('/v1/admin/advocates/:id/figures', opts, async (request) => {
    const { id } = parseInput(IdParam, request.params, 'params');
    return c.advocateFigures(brandOf(request), id);
  });
}

/** One line per ledger entry; amounts in minor units, as stored. */
export function statementsCsv(res: StatementsResponse): string {
  const header = [
    'advocate_id',
    'entry_id',
    'task_external_ref',
    'kind',
    'status',
    'occurred_at',
    'amount_minor',
    'currency',
  ];
  const rows = res.statements.flatMap((s) =>
    s.entries.map((e) => [
      e.advocateId,
      e.entryId,
      defuseFormula(e.externalRef),
      e.kind,
      e.status,
      new Date(e.occurredAt).toISOString(),
      String(e.amountMinor),
      e.currency,
    ]),
  );
  return toCsv([header, ...rows]);
}
