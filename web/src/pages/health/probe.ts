import type { ApiError } from '../../api/client';

export type ProbeName = 'healthz' | 'readyz';
export type Tone = 'ok' | 'fail' | 'pending';

export interface ProbeResult {
  name: ProbeName;
  /** 0 when the server did not answer. */
  httpStatus: number;
  /** What the server said (`ok`, `ready`, …) or why there is nothing to show. */
  statusText: string;
  tone: Tone;
  checks: [string, unknown][];
  error?: { title: string; detail?: string; requestId: string | null };
}

const HEALTHY: Record<ProbeName, string> = { healthz: 'ok', readyz: 'ready' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Interprets the body of GET /healthz or /readyz, or of the problem document they failed with. */
export function probeOf(
  name: ProbeName,
  httpStatus: number,
  body: unknown,
  error: ApiError | null,
): ProbeResult {
  const record = isRecord(body) ? body : {};
  const reported = typeof record.status === 'string' ? record.status : null;
  let statusText: string;
  if (reported !== null) statusText = reported;
  else if (error === null) statusText = 'unexpected answer';
  else if (error.kind === 'network') statusText = 'unreachable';
  else statusText = 'unavailable';

  const healthy =
    error === null && httpStatus >= 200 && httpStatus < 300 && reported === HEALTHY[name];
  const result: ProbeResult = {
    name,
    httpStatus,
    statusText,
    tone: healthy ? 'ok' : 'fail',
    checks: isRecord(record.checks) ? Object.entries(record.checks) : [],
  };
  if (error !== null) {
    result.error = { title: error.problem.title, requestId: error.requestId };
    if (error.problem.detail !== undefined) result.error.detail = error.problem.detail;
  }
  return result;
}

/** One readiness check as text: `"ok"`, `{status: "down", detail: "…"}`, or anything else. */
export function describeCheck(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value) && typeof value.status === 'string') {
    const note = [value.detail, value.message, value.error].find(
      (item): item is string => typeof item === 'string' && item !== '',
    );
    return note === undefined ? value.status : `${value.status} — ${note}`;
  }
  // JSON.stringify returns undefined for undefined, functions and symbols, whatever lib.d.ts says.
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}
