import assert from 'node:assert/strict';
import type { ApiResponse } from './http.ts';

/**
 * Asserts an RFC 9457 problem+json answer with `status`; with `field`, that the problem names it
 * (in its detail or its `field`/`errors` extensions). Returns the problem for further checks.
 */
export function assertProblem(res: ApiResponse, status: number, field?: string | RegExp): Record<string, unknown> {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = res.body as Record<string, unknown>;
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  if (field !== undefined) {
    const text = JSON.stringify(problem);
    if (typeof field === 'string') assert.ok(text.includes(field), `the problem should name ${field}: ${text}`);
    else assert.match(text, field);
  }
  return problem;
}
