#!/usr/bin/env node
// `npm audit --audit-level=high`, with one difference: when the registry's advisory endpoint
// cannot be reached (an offline or mirrored registry that refuses POST /-/npm/v1/security/...),
// npm fails without having audited anything. That case is reported loudly as NOT AUDITED and,
// unless FINHELM_AUDIT_REQUIRED=1, does not fail the run. Known vulnerabilities at or above
// "high" always fail it.
import { spawnSync } from 'node:child_process';

const LEVELS = ['info', 'low', 'moderate', 'high', 'critical'];
const THRESHOLD = 'high';
const required = process.env.FINHELM_AUDIT_REQUIRED === '1';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--json', `--audit-level=${THRESHOLD}`], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}

const counts = report?.metadata?.vulnerabilities;
if (counts === undefined || typeof counts !== 'object') {
  const reason =
    [report?.error?.summary, report?.message, ...run.stderr.split('\n')]
      .map((text) => (typeof text === 'string' ? text.trim() : ''))
      .find((text) => text !== '') ?? `npm exited with status ${String(run.status)}`;
  console.error('npm audit: NOT AUDITED — the advisory database could not be queried.');
  console.error(`  reason: ${reason}`);
  if (required) {
    console.error('  FINHELM_AUDIT_REQUIRED=1, so this is a failure.');
    process.exit(2);
  }
  console.error('  Set FINHELM_AUDIT_REQUIRED=1 to make this fatal (CI with registry access).');
  process.exit(0);
}

const total = LEVELS.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
const blocking = LEVELS.slice(LEVELS.indexOf(THRESHOLD)).reduce(
  (sum, level) => sum + (counts[level] ?? 0),
  0,
);
const deps = report.metadata.dependencies?.total ?? '?';
console.log(
  `npm audit: ${deps} dependencies, ${total} known vulnerabilities (` +
    LEVELS.map((level) => `${level} ${counts[level] ?? 0}`).join(', ') +
    ')',
);
for (const [name, vuln] of Object.entries(report.vulnerabilities ?? {})) {
  console.log(`  ${vuln.severity.padEnd(8)} ${name}${vuln.fixAvailable ? ' (fix available)' : ''}`);
}
if (blocking > 0) {
  console.error(
    `npm audit: ${blocking} at or above "${THRESHOLD}"; run \`npm audit\` for details.`,
  );
  process.exit(1);
}
