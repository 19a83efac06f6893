/**
 * `/v1/openapi.json`: an OpenAPI 3.1 document made from the routes the server registered and the
 * zod schemas in routeDocs.ts (zod 4's own JSON Schema output), so it cannot drift from what the
 * routes validate.
 */
import { z } from 'zod';
import { ApiError, PROTOCOL_VERSION } from '../../shared/protocol';
import type { RegisteredRoute } from '../app';
import { type RouteDoc, routeDocs } from './routeDocs';

/** JSON Schema 2020-12, the dialect OpenAPI 3.1 uses; `$schema` is implied by the document. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest as Record<string, unknown>;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: prop,
  }));
}

const security: Record<RouteDoc['auth'], object[]> = {
  public: [],
  advocate: [{ deviceToken: [] }],
  admin: [{ adminKey: [] }, { consoleSession: [] }],
  owner: [{ adminKey: [] }, { consoleSession: [] }],
  session: [{ consoleSession: [] }],
};

function operation(doc: RouteDoc) {
  const status = String(doc.status ?? 200);
  return {
    summary: doc.summary,
    ...(doc.auth === 'owner' ? { description: 'Owners and API keys only.' } : {}),
    security: security[doc.auth],
    parameters: [...parameters(doc.params, 'path'), ...parameters(doc.query, 'query')],
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [status]: {
        description: 'Success',
        ...(doc.response
          ? { content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } } }
          : {}),
      },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: jsonSchema(ApiError, 'output') } },
      },
    },
  };
}

/** Every registered route with a doc; `undocumented` lists any without one. */
export function openApiDocument(routes: RegisteredRoute[]) {
  const paths: Record<string, Record<string, object>> = {};
  const undocumented: string[] = [];
  for (const r of routes) {
    const key = `${r.method} ${r.url}`;
    const doc = routeDocs[key];
    if (!doc) {
      undocumented.push(key);
      continue;
    }
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(doc);
  }
  return {
    document: {
      openapi: '3.1.0',
      info: { title: 'Gigdesk feed server', version: String(PROTOCOL_VERSION) },
      components: {
        securitySchemes: {
          adminKey: { type: 'http', scheme: 'bearer', description: 'Brand admin key (gdk_…)' },
          deviceToken: { type: 'http', scheme: 'bearer', description: 'Device token (gdt_…)' },
          consoleSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'gigdesk_console',
            description: 'Console session; changes also need x-csrf-token',
          },
        },
      },
      paths,
    },
    undocumented,
  };
}
