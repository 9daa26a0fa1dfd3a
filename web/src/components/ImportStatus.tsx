import type { ImportStatus } from '../api/types';

const FORMATS: Record<string, string> = {
  'quickbooks-general-ledger': 'QuickBooks General Ledger',
  'quickbooks-general-ledger-modern': 'QuickBooks General Ledger (QuickBooks Online)',
  'quickbooks-transaction-list': 'QuickBooks Transaction List',
  'bank-statement': 'Bank statement',
  'quickbooks-budget': 'QuickBooks Budget Overview',
};

/** "QuickBooks General Ledger" for quickbooks-general-ledger; unknown formats as they are. */
export function formatLabel(format: string | null | undefined): string {
  if (format === null || format === undefined || format === '') return '—';
  return FORMATS[format] ?? format;
}

/** Committed, rejected and failed imports change no more. */
export function isFinished(status: ImportStatus): boolean {
  return status === 'committed' || status === 'rejected' || status === 'failed';
}

const STATUS: Record<ImportStatus, { label: string; tone: 'ok' | 'fail' | 'pending' }> = {
  queued: { label: 'Queued', tone: 'pending' },
  running: { label: 'Running', tone: 'pending' },
  committed: { label: 'Committed', tone: 'ok' },
  rejected: { label: 'Rejected', tone: 'fail' },
  failed: { label: 'Failed', tone: 'fail' },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const shown = STATUS[status] as (typeof STATUS)[ImportStatus] | undefined;
  return (
    <span className={`badge badge--${shown?.tone ?? 'pending'}`} data-status={status}>
      {shown?.label ?? status}
    </span>
  );
}
