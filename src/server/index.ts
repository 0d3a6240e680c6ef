// The HTTP server: a JSON API and a web page over the job queue, checks and audits.
export { startServer, isLoopback, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES } from './start-server.js';
export type { ServerOptions, RunningServer } from './start-server.js';
export { createApp } from './http/app.js';
export type { AppOptions } from './http/app.js';
export { openApiDocument } from './http/openapi.js';
export type { HandlerAuth } from './authorize.js';
export { createJobRunner, validateJobSpec, runnerCapabilities, notEnabledError } from './job-runner.js';
export type { VerityJobResult, JobRunnerOptions, JobWebOptions, JobFetchOptions, JobCapabilities } from './job-runner.js';
export { renderJobReport, reportJson } from './job-report.js';
export { HttpError, errorBody } from './http/http-error.js';
export { uiPage, UI_POLICY } from './ui-page.js';
export { newToken, readTokenFile, parseTokenText, tokensFromEnv, validateTokens, createTokenCheck, MIN_TOKEN_LENGTH, TOKENS_ENV } from './access-tokens.js';
export type { TokenCheck } from './access-tokens.js';
export { createTicketIssuer, DEFAULT_TICKET_TTL_MS } from './job-ticket.js';
export type { TicketIssuer } from './job-ticket.js';
