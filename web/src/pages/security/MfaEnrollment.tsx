import { useEffect, useRef, useState, type FormEvent } from 'react';

import { identity } from '../../api/identity';
import type { TotpEnrollment } from '../../api/types';
import { FormAlert } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';

type Step =
  | { kind: 'idle' }
  | { kind: 'scanning'; enrollment: TotpEnrollment }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'enrolled' };

/** Secrets in the base32 alphabet are easier to type in groups of four. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Offered while GET /v1/me says `mfa_enrolled` is false. `onEnrolled` runs once the recovery
 * codes are saved; the page then fetches the user again and shows the factor as on.
 */
export function MfaEnrollment({ onEnrolled }: { onEnrolled: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const submission = useSubmit();
  const scanHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.kind === 'scanning') scanHeading.current?.focus();
  }, [step.kind]);

  const start = () => {
    void submission.run(async () => {
      setStep({ kind: 'scanning', enrollment: await identity.startTotp() });
    });
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const codes = await identity.confirmTotp(code.replace(/\s+/g, ''));
      setCode('');
      setStep({ kind: 'codes', codes });
    });
  };

  if (step.kind === 'enrolled') {
    return <p role="status">Two-factor sign-in is on for your account.</p>;
  }
  if (step.kind === 'codes') {
    return (
      <RecoveryCodes
        codes={step.codes}
        onDone={() => {
          setStep({ kind: 'enrolled' });
          onEnrolled();
        }}
      />
    );
  }
  if (step.kind === 'idle') {
    return (
      <>
        <p>
          Protect your account with an authenticator app (such as FreeOTP, Aegis or 1Password):
          after your password, sign-in asks for the 6-digit code it shows.
        </p>
        <FormAlert error={submission.error} />
        <button type="button" className="button" onClick={start} disabled={submission.busy}>
          Set up an authenticator app
        </button>
      </>
    );
  }
  const { enrollment } = step;
  return (
    <div>
      <h3 ref={scanHeading} tabIndex={-1}>
        Scan this code with your authenticator app
      </h3>
      <QrCode text={enrollment.otpauth_uri} label="QR code for your authenticator app" />
      <p>Cannot scan? Enter this key in the app instead (time-based, 6 digits, 30 seconds):</p>
      <p>
        <code className="secret" data-testid="totp-secret" data-secret={enrollment.secret}>
          {grouped(enrollment.secret)}
        </code>
      </p>
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={confirm} noValidate>
        <TextField
          id="totp-code"
          label="Code from the app"
          hint="Six digits; a new one appears every 30 seconds."
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onValue={setCode}
          errors={submission.fields.code}
        />
        <SubmitButton
          label="Turn on two-factor sign-in"
          busyLabel="Checking…"
          busy={submission.busy}
          waitSeconds={submission.waitSeconds}
        />
      </form>
    </div>
  );
}
