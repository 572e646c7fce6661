// The OpenAPI 3.1 document of the HTTP API, its query parameters generated from the same zod schemas the server validates with.
import { z } from 'zod';
import { ActorsQuery, EventsQuery, NetworkQuery, QuotesQuery, TimelineQuery } from './params.js';

function params(schema: z.ZodObject): Record<string, unknown>[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    let s: Record<string, unknown>;
    try {
      s = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      delete s.$schema;
    } catch {
      s = { type: 'string' };
    }
    const description = (field as z.ZodType).description;
    return { name, in: 'query', required: false, schema: s, ...(description ? { description } : {}) };
  });
}

const page = (item: string) => ({
  type: 'object',
  required: ['items', 'total'],
  properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, total: { type: 'integer' } },
});

const ok = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const bad = { description: 'Bad query parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export function openApiDocument(version: string): Record<string, unknown> {
  const counts = { type: 'object', required: ['articles', 'events', 'quotes', 'actors', 'mentions'], properties: Object.fromEntries(['articles', 'events', 'quotes', 'actors', 'mentions'].map((k) => [k, { type: 'integer' }])) };
  return {
    openapi: '3.1.0',
    info: { title: 'Parley API', version, description: 'Explainable political event data from news. Read-only JSON over the Parley store.' },
    paths: {
      '/api/health': { get: { summary: 'Liveness', responses: { 200: ok({ type: 'object', properties: { ok: { const: true } } }) } } },
      '/api/stats': { get: { summary: 'Counts in the store', responses: { 200: ok(counts) } } },
      '/api/events': { get: { summary: 'Coded events, newest first', parameters: params(EventsQuery), responses: { 200: ok(page('StoredEvent')), 400: bad } } },
      '/api/articles/{id}': {
        get: {
          summary: 'A stored article with its Extraction',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: ok({ type: 'object', required: ['article', 'extraction'], properties: { article: { $ref: '#/components/schemas/Article' }, extraction: { $ref: '#/components/schemas/Extraction' } } }),
            404: { description: 'No such article', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/api/actors': { get: { summary: 'Actors with event counts, most active first', parameters: params(ActorsQuery), responses: { 200: ok(page('ActorSummary')), 400: bad } } },
      '/api/quotes': { get: { summary: 'Quotes', parameters: params(QuotesQuery), responses: { 200: ok(page('StoredQuote')), 400: bad } } },
      '/api/network': {
        get: {
          summary: 'Actor-to-actor interaction graph',
          parameters: params(NetworkQuery),
          responses: { 200: ok({ type: 'object', required: ['nodes', 'edges'], properties: { nodes: { type: 'array' }, edges: { type: 'array' } } }), 400: bad },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Event counts and mean Goldstein score per interval and quad class',
          parameters: params(TimelineQuery),
          responses: { 200: ok({ type: 'object', required: ['items', 'total'], properties: { interval: { type: 'string' }, items: { type: 'array', items: { $ref: '#/components/schemas/TimelineBucket' } }, total: { type: 'integer' } } }), 400: bad },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: ok({ type: 'object' }) } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        StoredEvent: { type: 'object', description: 'An Extraction event (parley/extraction@1) plus articleId, articleTitle, articleUrl, published, clusterId, cluster {id, mentions, sources, articles} and pipeline' },
        StoredQuote: { type: 'object', description: 'An Extraction quote plus articleId, articleTitle, published' },
        ActorSummary: { type: 'object', description: 'An Extraction actor plus events and mentions counts' },
        Article: { type: 'object', properties: { id: { type: 'string' }, text: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, source: { type: 'string' }, published: { type: 'string' }, contentHash: { type: 'string' }, pipeline: { type: 'array', items: { type: 'string' } }, ingestedAt: { type: 'string' } } },
        Extraction: { type: 'object', description: 'The Extraction document, schema parley/extraction@1' },
        TimelineBucket: { type: 'object', properties: { period: { type: 'string' }, quadClass: { type: 'integer' }, count: { type: 'integer' }, goldstein: { type: 'number' } } },
      },
    },
  };
}
