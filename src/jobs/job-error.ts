// A thrown value as JobError data: a VerityError keeps its fields; anything else is INTERNAL.
import { VerityError, isVerityError } from '../errors.js';
import type { JobError } from './queue.js';

export function toJobError(e: unknown, component = 'jobs'): JobError {
  if (isVerityError(e)) {
    return { code: e.code, component: e.component, problem: e.problem, fix: e.fix ?? null, retryable: e.retryable, message: e.message };
  }
  const text = e instanceof Error ? e.message : String(e);
  const err = new VerityError({
    code: 'INTERNAL',
    component: component,
    problem: `the job failed unexpectedly: ${text}`,
    fix: 'this is a bug in Verity; please report it with the input that caused it',
  });
  return toJobError(err);
}

/** The error a cancelled job ends with. */
export function cancelledError(id: string, why: string): JobError {
  return toJobError(new VerityError({ code: 'CANCELLED', component: 'jobs', problem: `job ${JSON.stringify(id)} was cancelled (${why})`, fix: 'submit it again if you still need it' }));
}
