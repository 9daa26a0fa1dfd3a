import { useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { imports, ledger } from '../../api/ledger';
import type { ImportOptions, ImportPreview, LedgerAccount } from '../../api/types';
import { formatLabel } from '../../components/ImportStatus';
import { OperatorOnly } from '../../components/OperatorOnly';
import { TableScroll } from '../../components/TableScroll';
import { FormAlert } from '../../components/forms/FormAlert';
import { SelectField } from '../../components/forms/SelectField';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { orgPath } from '../../components/orgPath';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { useOrganization } from '../../session/OrganizationContext';
import { ImportProblem } from './ImportProblem';
import { RecentImports } from './RecentImports';
import {
  initialOptions,
  mappingProblems,
  optionsOf,
  type OptionsForm,
  type OptionsProblems,
} from './mapping';
import '../../components/forms/forms.css';
import './import.css';

/** Rows of the preview shown; the server sends up to 20. */
const PREVIEW_ROWS = 10;

export function ImportPage() {
  return (
    <OperatorOnly title="Import">
      <ImportScreen />
    </OperatorOnly>
  );
}

/**
 * Upload a QuickBooks export or a bank statement: preview it (format, encoding, header, first
 * rows), map a bank statement's columns, then queue the import and follow it on its report.
 */
function ImportScreen() {
  const organization = useOrganization();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const previewing = useSubmit();
  const uploading = useSubmit();
  const accounts = useOrganizationResource('import-accounts', (org) => ledger.accounts(org));

  const choose = (chosen: File | undefined) => {
    if (chosen === undefined) return;
    setPreview(null);
    uploading.reset();
    if (!chosen.name.toLowerCase().endsWith('.csv')) {
      setFile(null);
      setLocalProblem(`${chosen.name} is not a .csv file. Export the report as CSV first.`);
      return;
    }
    setLocalProblem(null);
    setFile(chosen);
    void previewing.run(async () => {
      setPreview(await imports.preview(organization.id, chosen));
    });
  };
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    choose(event.target.files?.[0]);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const upload = (options: ImportOptions) => {
    if (file === null) return;
    void uploading.run(async () => {
      const accepted = await imports.create(organization.id, file, options);
      navigate(orgPath(organization.id, `imports/${String(accepted.id)}`));
    });
  };

  return (
    <article className="page page--wide">
      <h1>Import</h1>
      <p className="lead">
        Bring in a QuickBooks General Ledger or Transaction List export, or a bank statement, as a
        .csv file. Rows already in the books are recognised and skipped.
      </p>
      <div
        className={dragging ? 'dropzone dropzone--active' : 'dropzone'}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
      >
        <label htmlFor="import-file" className="field__label">
          CSV file
        </label>
        <p className="field__hint" id="import-file-hint">
          Drop the file here or choose it; at most 25 MiB.
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-hint"
          onChange={onInput}
          disabled={previewing.busy || uploading.busy}
        />
        {file !== null && <p>Chosen: {file.name}</p>}
      </div>
      {localProblem !== null && (
        <div className="form-alert" role="alert">
          <p>{localProblem}</p>
        </div>
      )}
      {previewing.busy && <p role="status">Checking the file…</p>}
      <ImportProblem error={previewing.error} />
      {preview !== null && file !== null && (
        <>
          <PreviewTable preview={preview} />
          {accounts.data === undefined && accounts.error === null ? (
            <p role="status">Loading accounts…</p>
          ) : (
            <OptionsEditor
              key={`${file.name}-${String(file.lastModified)}-${String(file.size)}`}
              preview={preview}
              accounts={accounts.data?.accounts ?? []}
              busy={uploading.busy}
              onSubmit={upload}
            />
          )}
          <ImportProblem error={uploading.error} />
        </>
      )}
      <FormAlert error={accounts.error} />
      <RecentImports />
    </article>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const rows = preview.rows.slice(0, PREVIEW_ROWS);
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">Preview of {preview.file_name}</h2>
      <dl className="facts" data-testid="import-preview-facts">
        <dt>Format</dt>
        <dd data-format={preview.format}>{formatLabel(preview.format)}</dd>
        <dt>Encoding</dt>
        <dd>{preview.encoding}</dd>
        <dt>Header</dt>
        <dd>on line {preview.header_line}</dd>
      </dl>
      <TableScroll label="First rows of the file">
        <table className="table import-preview" data-testid="import-preview">
          <caption>The first {rows.length} rows under the header</caption>
          <thead>
            <tr>
              {preview.header.map((name, index) => (
                <th key={index} scope="col">
                  {name === '' ? `Column ${String(index + 1)}` : name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {preview.header.map((_name, index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function OptionsEditor({
  preview,
  accounts,
  busy,
  onSubmit,
}: {
  preview: ImportPreview;
  accounts: LedgerAccount[];
  busy: boolean;
  onSubmit: (options: ImportOptions) => void;
}) {
  const bank = preview.format === 'bank-statement';
  const [form, setForm] = useState<OptionsForm>(() => initialOptions(preview, accounts));
  const [problems, setProblems] = useState<OptionsProblems>({});
  const firstInvalid = useRef<HTMLFormElement>(null);
  const field = (name: keyof OptionsForm) => (value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
    // A message goes once its field is changed; the next submission checks again.
    setProblems((current) => {
      if (current[name] === undefined) return current;
      return Object.fromEntries(Object.entries(current).filter(([key]) => key !== name));
    });
  };
  const errors = (name: keyof OptionsForm) => {
    const message = problems[name];
    return message === undefined ? undefined : [message];
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = bank ? mappingProblems(form) : {};
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // Take the keyboard to the first field that needs attention.
      window.setTimeout(() => {
        firstInvalid.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      }, 0);
      return;
    }
    onSubmit(optionsOf(form, bank));
  };
  const columns = preview.header.map((name, index) => ({
    value: String(index),
    label: `${String(index + 1)}: ${name === '' ? '(no name)' : name}`,
  }));
  const columnSelect = (
    name: 'date' | 'description' | 'amount' | 'debit' | 'credit' | 'balance' | 'reference',
    label: string,
    hint?: string,
    required = false,
  ) => (
    <SelectField
      id={`mapping-${name}`}
      label={label}
      {...(hint === undefined ? {} : { hint })}
      value={form[name]}
      onValue={field(name)}
      errors={errors(name)}
      aria-required={required || undefined}
    >
      <option value="">{required ? 'Choose a column' : 'None'}</option>
      {columns.map((column) => (
        <option key={column.value} value={column.value}>
          {column.label}
        </option>
      ))}
    </SelectField>
  );
  const bankAccounts = accounts.filter((account) => account.type === 'Bank');

  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      ref={firstInvalid}
      aria-label="Import options"
    >
      {bank && (
        <fieldset className="form__fieldset" data-testid="column-mapping">
          <legend>Columns of the bank statement</legend>
          {preview.saved_mapping !== undefined && (
            <p className="field__hint">Filled in from the last statement with this header.</p>
          )}
          {columnSelect('date', 'Date', undefined, true)}
          {columnSelect('description', 'Description')}
          <fieldset className="form__fieldset">
            <legend>Amounts</legend>
            <div className="checkbox">
              <input
                type="radio"
                id="amount-mode-amount"
                name="amount-mode"
                checked={form.amount_mode === 'amount'}
                onChange={() => {
                  field('amount_mode')('amount');
                }}
              />
              <label htmlFor="amount-mode-amount">One column, money in positive</label>
            </div>
            <div className="checkbox">
              <input
                type="radio"
                id="amount-mode-split"
                name="amount-mode"
                checked={form.amount_mode === 'debit-credit'}
                onChange={() => {
                  field('amount_mode')('debit-credit');
                }}
              />
              <label htmlFor="amount-mode-split">Separate columns for money out and in</label>
            </div>
          </fieldset>
          {form.amount_mode === 'amount' ? (
            columnSelect('amount', 'Amount', undefined, true)
          ) : (
            <>
              {columnSelect('debit', 'Debit (money out)', undefined, true)}
              {columnSelect('credit', 'Credit (money in)', undefined, true)}
            </>
          )}
          {columnSelect('balance', 'Balance', 'Optional: each row is checked against it')}
          {columnSelect('reference', 'Reference', 'Optional: a check or reference number')}
          <TextField
            id="mapping-bank-account"
            label="Bank account"
            hint="The account these rows belong to, such as 1000 Checking; created when new"
            list="mapping-bank-accounts"
            value={form.bank_account}
            onValue={field('bank_account')}
            errors={errors('bank_account')}
            required
          />
          <datalist id="mapping-bank-accounts">
            {bankAccounts.map((account) => (
              <option key={account.id} value={account.full_name} />
            ))}
          </datalist>
        </fieldset>
      )}
      <fieldset className="form__fieldset">
        <legend>How the file writes dates and amounts</legend>
        <SelectField
          id="import-date-order"
          label="Date order"
          value={form.date_order}
          onValue={field('date_order')}
        >
          <option value="month-first">Month first (03/02/2026 is March 2)</option>
          <option value="day-first">Day first (03/02/2026 is 3 February)</option>
        </SelectField>
        <SelectField
          id="import-amount-style"
          label="Decimal style"
          value={form.amount_style}
          onValue={field('amount_style')}
        >
          <option value="decimal-point">Decimal point (1,234.56)</option>
          <option value="decimal-comma">Decimal comma (1.234,56)</option>
        </SelectField>
      </fieldset>
      {Object.keys(problems).length > 0 && (
        <div className="form-alert" role="alert">
          <p>Some fields need attention; see the messages next to them.</p>
        </div>
      )}
      <SubmitButton label="Import file" busyLabel="Uploading…" busy={busy} />
    </form>
  );
}
