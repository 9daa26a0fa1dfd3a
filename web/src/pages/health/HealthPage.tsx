import { useCallback, useEffect, useState } from 'react';

import { ApiError, apiRequest } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';
import { describeCheck, probeOf, type ProbeName, type ProbeResult } from './probe';
import './health.css';

interface ProbeDefinition {
  name: ProbeName;
  label: string;
  path: string;
  explanation: string;
}

const PROBES: readonly ProbeDefinition[] = [
  {
    name: 'healthz',
    label: 'Liveness',
    path: '/healthz',
    explanation: 'The server process is running and answering requests.',
  },
  {
    name: 'readyz',
    label: 'Readiness',
    path: '/readyz',
    explanation: 'The server can reach what it depends on, such as its database.',
  },
];

type Results = Partial<Record<ProbeName, ProbeResult>>;

/** Resolves with what the server said, whatever it said; rejects only when aborted. */
async function runProbe(probe: ProbeDefinition, signal: AbortSignal): Promise<ProbeResult> {
  try {
    const response = await apiRequest<unknown>(probe.path, { signal });
    return probeOf(probe.name, response.status, response.data, null);
  } catch (error) {
    if (error instanceof ApiError && !error.aborted) {
      return probeOf(probe.name, error.status, error.problem.extensions, error);
    }
    throw error;
  }
}

interface Report {
  attempt: number;
  results: Results;
  checkedAt: Date;
}

export function HealthPage() {
  usePageTitle('System health');
  // Each press of "Check again" is a new attempt; the effect below runs the probes for it.
  const [attempt, setAttempt] = useState(0);
  const [report, setReport] = useState<Report | null>(null);
  const loading = report?.attempt !== attempt;
  const results: Results = report?.results ?? {};

  useEffect(() => {
    const controller = new AbortController();
    Promise.all(PROBES.map((probe) => runProbe(probe, controller.signal)))
      .then((all) => {
        const next: Results = {};
        for (const result of all) next[result.name] = result;
        setReport({ attempt, results: next, checkedAt: new Date() });
      })
      .catch(() => {
        // Aborted: a newer attempt, or leaving the page, superseded this one.
      });
    return () => {
      controller.abort();
    };
  }, [attempt]);

  const checkAgain = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  return (
    <article className="page">
      <h1>System health</h1>
      <p className="lead">
        What this FinHelm server reports about itself. Operators can query the same endpoints
        directly, for example from a load balancer or a monitoring system.
      </p>

      <div className="health__toolbar">
        <button type="button" className="button" onClick={checkAgain} disabled={loading}>
          {loading ? 'Checking…' : 'Check again'}
        </button>
        <p className="health__checked" role="status" aria-live="polite">
          {report === null || loading
            ? 'Checking the server…'
            : `Checked at ${report.checkedAt.toLocaleTimeString()}.`}
        </p>
      </div>

      <div className="health__grid" aria-busy={loading}>
        {PROBES.map((probe) => {
          const result = results[probe.name];
          const headingId = `${probe.name}-heading`;
          return (
            <section key={probe.name} className="card health__card" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {probe.label} <code className="health__path">GET {probe.path}</code>
              </h2>
              <p className="muted">{probe.explanation}</p>
              <dl className="health__facts">
                <div>
                  <dt>Status</dt>
                  <dd>
                    <span
                      className={`badge badge--${result?.tone ?? 'pending'}`}
                      data-testid={`${probe.name}-status`}
                    >
                      {result?.statusText ?? 'checking'}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>HTTP status</dt>
                  <dd data-testid={`${probe.name}-http`}>
                    {result === undefined
                      ? '—'
                      : result.httpStatus === 0
                        ? 'no answer'
                        : result.httpStatus}
                  </dd>
                </div>
              </dl>
              {result?.error !== undefined && (
                <div className="health__error">
                  <p>
                    <strong>{result.error.title}</strong>
                    {result.error.detail !== undefined && <> — {result.error.detail}</>}
                  </p>
                  {result.error.requestId !== null && (
                    <p className="muted">
                      Request id: <code>{result.error.requestId}</code>
                    </p>
                  )}
                </div>
              )}
              {result !== undefined && result.checks.length > 0 && (
                <table className="health__checks">
                  <caption>Dependency checks</caption>
                  <thead>
                    <tr>
                      <th scope="col">Check</th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.checks.map(([name, value]) => (
                      <tr key={name}>
                        <th scope="row">{name}</th>
                        <td>{describeCheck(value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          );
        })}
      </div>
    </article>
  );
}
