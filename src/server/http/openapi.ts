// GET /api/openapi.json: an OpenAPI 3.1 description of every route the app registers — its
// parameters, request bodies, answers, the error shape and the bearer auth. Served without a
// token (it holds no data). test/server/openapi.test.ts checks it against the app's own routes,
// so the two cannot drift.
import { ENGINE_VERSION } from '../../version.js';

type Json = Record<string, unknown>;

const ref = (kind: 'schemas' | 'responses' | 'parameters', name: string): Json => ({ $ref: `#/components/${kind}/${name}` });
const jsonContent = (schema: Json): Json => ({ 'application/json': { schema } });
const answer = (description: string, schema: Json): Json => ({ description, content: jsonContent(schema) });

/** The errors every /api route may answer (with tokens configured: 401 and 429). */
const AUTH_ERRORS: Json = { '401': ref('responses', 'Unauthorized'), '403': ref('responses', 'Forbidden'), '429': ref('responses', 'TooManyFailures'), '503': ref('responses', 'Unavailable') };
const TOKEN: Json[] = [{ bearer: [] }];
/** A job's stream and report also open with a ticket from POST /api/jobs/{id}/ticket (for EventSource and iframes). */
const TOKEN_OR_TICKET: Json[] = [{ bearer: [] }, { ticket: [] }];

const jobIdParameter = ref('parameters', 'JobId');

/** The fields of an error: what went wrong and how to fix it. */
const ERROR_FIELDS: Json = {
  type: 'object',
  required: ['code', 'component', 'problem', 'fix'],
  properties: {
    code: { type: 'string', examples: ['BAD_INPUT', 'TOO_LARGE', 'UNSUPPORTED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'NOT_READY', 'JOB_FAILED', 'CONFLICT', 'BUSY', 'USAGE', 'INTERNAL'] },
    component: { type: 'string', examples: ['check', 'audit', 'server', 'serve'] },
    problem: { type: 'string' },
    fix: { type: ['string', 'null'] },
    retryable: { type: 'boolean' },
  },
};

/** Every error answer. */
const ERROR: Json = { type: 'object', required: ['error'], additionalProperties: false, properties: { error: ERROR_FIELDS } };

const LINKS: Json = {
  type: 'object',
  required: ['self', 'events', 'md', 'html', 'json', 'claimreview'],
  properties: Object.fromEntries(['self', 'events', 'md', 'html', 'json', 'claimreview'].map((k) => [k, { type: 'string' }])),
};

const STATUS: Json = { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] };

const SCHEMAS: Json = {
  Error: ERROR,
  JobLinks: LINKS,
  JobAccepted: {
    type: 'object',
    required: ['id', 'kind', 'status', 'position', 'links'],
    properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['check', 'audit'] }, status: STATUS, position: { type: ['integer', 'null'], description: 'jobs ahead in line; null once started' }, links: ref('schemas', 'JobLinks') },
  },
  Job: {
    type: 'object',
    required: ['id', 'kind', 'status', 'createdAt', 'startedAt', 'finishedAt', 'position', 'progress', 'report', 'links'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['check', 'audit'] },
      status: STATUS,
      createdAt: { type: 'string', format: 'date-time' },
      startedAt: { type: ['string', 'null'], format: 'date-time' },
      finishedAt: { type: ['string', 'null'], format: 'date-time' },
      position: { type: ['integer', 'null'] },
      progress: { type: ['object', 'null'], description: 'the latest progress event: stage, done, total, message' },
      report: { type: ['object', 'null'], description: "a check's Report JSON, or an audit's JSON with one page of its claims, once done" },
      claimsPage: { type: 'object', description: 'audits only', properties: { offset: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' }, next: { type: ['string', 'null'] } } },
      error: ERROR_FIELDS,
      links: ref('schemas', 'JobLinks'),
    },
  },
  Capabilities: {
    type: 'object',
    required: ['web', 'fetch'],
    properties: { web: { type: ['object', 'null'], description: 'the web search engine, when checks may search the web (--web)' }, fetch: { type: ['object', 'null'], description: 'when audits may fetch their cited pages (--fetch)' } },
  },
  Health: {
    type: 'object',
    required: ['ok'],
    description: 'Without a token on a server with tokens: {"ok": true} only.',
    properties: { ok: { type: 'boolean', const: true }, engine: { type: 'string' }, version: { type: 'string' }, store: { type: 'object' }, queue: { type: 'object' }, capabilities: ref('schemas', 'Capabilities'), auth: { type: 'object', properties: { failures: { type: 'integer' }, blocked: { type: 'integer' } } } },
  },
  Ticket: {
    type: 'object',
    required: ['id', 'ticket', 'expiresAt', 'links'],
    properties: { id: { type: 'string' }, ticket: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, links: { type: 'object', additionalProperties: { type: 'string' } } },
  },
};

const errorAnswer = (description: string, headers?: Json): Json => ({ description, content: jsonContent(ref('schemas', 'Error')), ...(headers ? { headers } : {}) });
const RETRY_AFTER: Json = { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds to wait' } };

const RESPONSES: Json = {
  BadInput: errorAnswer('the request is malformed or its input unusable (BAD_INPUT)'),
  Unauthorized: errorAnswer('no token, a wrong one, or an invalid ticket (UNAUTHORIZED); only on a server with tokens', { 'WWW-Authenticate': { schema: { type: 'string' } } }),
  Forbidden: errorAnswer('a foreign Host or Origin, or an option the server was not started with (FORBIDDEN)'),
  NotFound: errorAnswer('no such job: never submitted, or dropped from the history (NOT_FOUND)'),
  TooLarge: errorAnswer('the body is over the limit (2 MiB by default), or the input too long (TOO_LARGE)'),
  Unsupported: errorAnswer('a Content-Type or charset not accepted (UNSUPPORTED)'),
  TooManyFailures: errorAnswer('too many wrong tokens from this address; wait (429)', RETRY_AFTER),
  Unavailable: errorAnswer('the queue is full (BUSY) or the answer took too long (UNAVAILABLE); retry', RETRY_AFTER),
  NotReady: errorAnswer('the job has no report yet (NOT_READY) or it failed or was cancelled (JOB_FAILED)'),
};

const submitAnswers = (what: string): Json => ({
  '202': { description: `the ${what} is queued`, headers: { Location: { schema: { type: 'string' }, description: 'the job, /api/jobs/{id}' } }, content: jsonContent(ref('schemas', 'JobAccepted')) },
  '400': ref('responses', 'BadInput'),
  '413': ref('responses', 'TooLarge'),
  '415': ref('responses', 'Unsupported'),
  ...AUTH_ERRORS,
});

const PATHS: Json = {
  '/': {
    get: { operationId: 'page', summary: 'The web page (holds no data; asks for the token on a server with tokens)', security: [], responses: { '200': { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } }, '403': ref('responses', 'Forbidden') } },
  },
  '/api/health': {
    get: {
      operationId: 'health',
      summary: 'Is the server up; with a token also the corpus, queue and capabilities',
      security: [{}, { bearer: [] }],
      responses: { '200': answer('the server is up', ref('schemas', 'Health')), ...AUTH_ERRORS },
    },
  },
  '/api/capabilities': {
    get: { operationId: 'capabilities', summary: 'What jobs may ask for beyond the corpus (--web, --fetch)', security: TOKEN, responses: { '200': answer('the capabilities', ref('schemas', 'Capabilities')), ...AUTH_ERRORS } },
  },
  '/api/openapi.json': {
    get: { operationId: 'openapi', summary: 'This description', security: [], responses: { '200': { description: 'an OpenAPI 3.1 document', content: jsonContent({ type: 'object' }) } } },
  },
  '/api/checks': {
    post: {
      operationId: 'submitCheck',
      summary: 'Check a question or claim (at most 2,000 characters)',
      security: TOKEN,
      requestBody: {
        required: true,
        content: jsonContent({ type: 'object', required: ['input'], properties: { input: { type: 'string', minLength: 1, maxLength: 2000 }, web: { type: 'boolean', description: 'search the web too (only on a server started with --web)' } } }),
      },
      responses: submitAnswers('check'),
    },
  },
  '/api/audits': {
    post: {
      operationId: 'submitAudit',
      summary: 'Audit an article: Markdown, HTML or plain text, by Content-Type',
      security: TOKEN,
      parameters: [{ name: 'fetch', in: 'query', required: false, description: 'fetch the cited pages (only on a server started with --fetch)', schema: { type: 'string', enum: ['1', '0', 'true', 'false'] } }],
      requestBody: { required: true, content: Object.fromEntries(['text/markdown', 'text/x-markdown', 'text/html', 'text/plain'].map((t) => [t, { schema: { type: 'string' } }])) },
      responses: submitAnswers('audit'),
    },
  },
  '/api/jobs/{id}': {
    parameters: [jobIdParameter],
    get: {
      operationId: 'getJob',
      summary: "A job: status, progress, report once done (an audit's claims paged)",
      security: TOKEN,
      parameters: [
        { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0, maximum: 1000, default: 100 } },
      ],
      responses: { '200': answer('the job', ref('schemas', 'Job')), '400': ref('responses', 'BadInput'), '404': ref('responses', 'NotFound'), ...AUTH_ERRORS },
    },
    delete: {
      operationId: 'cancelJob',
      summary: 'Cancel a queued or running job',
      security: TOKEN,
      responses: {
        '202': answer('the job is being cancelled', { type: 'object', required: ['id', 'cancelling', 'links'], properties: { id: { type: 'string' }, cancelling: { const: true }, links: ref('schemas', 'JobLinks') } }),
        '404': ref('responses', 'NotFound'),
        '409': errorAnswer('the job has already ended (CONFLICT)'),
        ...AUTH_ERRORS,
      },
    },
  },
  '/api/jobs/{id}/events': {
    parameters: [jobIdParameter],
    get: {
      operationId: 'jobEvents',
      summary: "The job's events as Server-Sent Events (status, progress, then done, failed or cancelled); each id is the event's seq",
      security: TOKEN_OR_TICKET,
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'integer' }, description: 'resume after this event' },
        { name: 'after', in: 'query', required: false, schema: { type: 'integer' }, description: 'as Last-Event-ID' },
      ],
      responses: { '200': { description: 'the event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '404': ref('responses', 'NotFound'), ...AUTH_ERRORS },
    },
  },
  '/api/jobs/{id}/report': {
    parameters: [jobIdParameter],
    get: {
      operationId: 'jobReport',
      summary: "The finished job's report in one format",
      security: TOKEN_OR_TICKET,
      parameters: [
        { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'md', 'html', 'claimreview'], default: 'json' } },
        { name: 'download', in: 'query', required: false, schema: { type: 'string', enum: ['1'] }, description: 'answer as an attachment' },
      ],
      responses: {
        '200': { description: 'the report', content: { 'application/json': { schema: { type: 'object' } }, 'text/markdown': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } }, 'application/ld+json': { schema: { type: 'object' } } } },
        '400': ref('responses', 'BadInput'),
        '404': ref('responses', 'NotFound'),
        '409': ref('responses', 'NotReady'),
        ...AUTH_ERRORS,
      },
    },
  },
  '/api/jobs/{id}/ticket': {
    parameters: [jobIdParameter],
    post: {
      operationId: 'jobTicket',
      summary: "A 10-minute ticket that opens this job's event stream and report URLs (for EventSource and iframes, which cannot send a header)",
      security: TOKEN,
      responses: { '200': answer('the ticket and the URLs that carry it', ref('schemas', 'Ticket')), '404': ref('responses', 'NotFound'), ...AUTH_ERRORS },
    },
  },
};

/** The OpenAPI 3.1 document of the API. */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Verity API',
      version: ENGINE_VERSION,
      description:
        'Checks of claims and audits of articles, run as jobs. A server with access tokens needs `Authorization: Bearer <token>` on every /api route except health and this document; a server without them (loopback, the default, or --no-auth) needs nothing. Every error is {"error": {code, component, problem, fix}}.',
    },
    security: TOKEN,
    paths: PATHS,
    components: {
      schemas: SCHEMAS,
      responses: RESPONSES,
      parameters: { JobId: { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the id POST /api/checks or /api/audits returned' } },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'one of the tokens in the server\'s --token-file or $VERITY_SERVE_TOKENS' },
        ticket: { type: 'apiKey', in: 'query', name: 'ticket', description: 'from POST /api/jobs/{id}/ticket; opens that job\'s events and report only' },
      },
    },
  };
}
