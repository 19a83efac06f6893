import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers';

describe('/v1/openapi.json', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('documents every route the server registered, from the schemas the routes validate with', async () => {
    const r = await s.call('GET', '/v1/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.body as {
      openapi: string;
      paths: Record<string, Record<string, { summary: string; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const registered = s.routes.map((x) => `${x.method} ${x.url}`);
    expect(registered.length).toBeGreaterThan(40);
    expect(documented.sort()).toEqual([...registered].sort());
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(ops)) expect(op.summary, `${m} ${path}`).toBeTruthy();

    // The body schema is zod's own: the enum and the strictness the route enforces.
    const run = doc.paths['/v1/admin/payouts/runs']!.post!.requestBody as {
      content: { 'application/json': { schema: Record<string, unknown> } };
    };
    const schema = run.content['application/json'].schema as {
      properties: { to: { enum: string[] } };
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.properties.to.enum).toEqual(['confirmed', 'paid']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['to']);
    const patch = doc.paths['/v1/admin/accounts/{id}']!.patch as unknown as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(patch.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
  });
});
