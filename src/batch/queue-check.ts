// Checking a batch row through a job queue (the Redis workers of `verity worker`): submit a
// check job, wait for its end, and hand back the worker's report — the same report `verity
// check` writes, since the worker runs the same checkInput.
import type { Report } from '../model.js';
import { VerityError, type ErrorCode } from '../errors.js';
import type { JobError, Queue } from '../jobs/index.js';
import type { CheckOne } from './run-batch.js';

/** What a check job's result holds (server/job-runner.ts VerityJobResult, check case). */
export type CheckJobResult = { kind: 'check'; report: Report } | { kind: string };

function fromJobError(e: JobError): VerityError {
  return new VerityError({ code: e.code as ErrorCode, component: e.component, problem: e.problem, fix: e.fix ?? 'see the worker log', retryable: e.retryable });
}

export function queueCheck(queue: Queue<CheckJobResult>): CheckOne {
  return async (input, about) => {
    const id = await queue.submit({ kind: 'check', input, ...(about !== undefined ? { options: { about } } : {}) });
    await new Promise<void>((resolve, reject) => {
      let stop: (() => void) | null = null;
      let ended = false;
      queue
        .subscribe(id, (event) => {
          if (event.type === 'done' || event.type === 'failed' || event.type === 'cancelled') {
            ended = true;
            stop?.();
            resolve();
          }
        })
        .then((s) => {
          stop = s;
          if (ended) s();
        }, reject);
    });
    const snap = await queue.get(id);
    if (snap?.status === 'done' && snap.result && 'report' in snap.result) return snap.result.report;
    if (snap?.error) throw fromJobError(snap.error);
    throw new VerityError({ code: 'INTERNAL', component: 'batch', problem: `job ${id} ended ${snap?.status ?? 'out of the queue history'} without a report`, fix: 'raise the queue history, or run the batch without --redis' });
  };
}
