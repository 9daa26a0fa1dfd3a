import { describe, expect, it } from 'vitest';

import { ApiError, parseProblem } from '../../api/client';
import { describeCheck, probeOf } from './probe';

describe('probeOf', () => {
  it('reports a healthy liveness probe', () => {
    expect(probeOf('healthz', 200, { status: 'ok' }, null)).toEqual({
      name: 'healthz',
      httpStatus: 200,
      statusText: 'ok',
      tone: 'ok',
      checks: [],
    });
  });

  it('lists readiness checks', () => {
    const result = probeOf('readyz', 200, { status: 'ready', checks: { database: 'ok' } }, null);
    expect(result.tone).toBe('ok');
    expect(result.checks).toEqual([['database', 'ok']]);
  });

  it('reports a 503 problem as unavailable, with its checks and request id', () => {
    const error = new ApiError(
      'problem',
      parseProblem({ title: 'Not ready', status: 503, checks: { database: 'down' } }, 503),
      'req-9',
    );
    const result = probeOf('readyz', 503, error.problem.extensions, error);
    expect(result).toMatchObject({
      statusText: 'unavailable',
      tone: 'fail',
      checks: [['database', 'down']],
      error: { title: 'Not ready', requestId: 'req-9' },
    });
  });

  it('does not call an unexpected body healthy', () => {
    expect(probeOf('healthz', 200, '<html>', null)).toMatchObject({
      statusText: 'unexpected answer',
      tone: 'fail',
    });
    expect(probeOf('readyz', 200, { status: 'ok' }, null).tone).toBe('fail');
  });
});

describe('describeCheck', () => {
  it('renders strings, statuses with notes, and anything else as JSON', () => {
    expect(describeCheck('ok')).toBe('ok');
    expect(describeCheck({ status: 'down', detail: 'connection refused' })).toBe(
      'down — connection refused',
    );
    expect(describeCheck({ latency_ms: 3 })).toBe('{"latency_ms":3}');
    expect(describeCheck(undefined)).toBe('undefined');
  });
});
