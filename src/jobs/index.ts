// Jobs: the Queue contract and the in-process queue (a Redis-backed one can follow behind the same contract).
export { JOB_KINDS, TERMINAL_STATUSES, isTerminal } from './queue.js';
export type { JobKind, JobSpec, JobStatus, JobError, JobSnapshot, JobEvent, JobEventBody, JobListener, JobContext, JobRunner, Queue, QueueStats } from './queue.js';
export { InProcessQueue, createInProcessQueue } from './in-process-queue.js';
export type { InProcessQueueOptions } from './in-process-queue.js';
export type { JobJournal, JobRecord } from './job-journal.js';
export { rememberJson, knownJson } from './result-json.js';
export { CooperativeStore } from './cooperative-store.js';
export { toJobError, cancelledError } from './job-error.js';
export { RedisQueue, createRedisQueue, openRedisQueue } from './redis-queue.js';
export type { RedisQueueOptions } from './redis-queue.js';
export { startRedisWorker, DEFAULT_QUEUE_NAME } from './redis-worker.js';
export type { RedisWorker, RedisWorkerOptions, WorkerStopMode } from './redis-worker.js';
export { redactRedisUrl, REDIS_FIX } from './redis-connection.js';
