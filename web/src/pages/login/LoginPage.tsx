import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { landingPath } from '../../session/organizations';
import { returnStateOf, safeReturnPath } from '../../session/returnTo';
import '../../components/forms/forms.css';

/** Email and password, then, for a user with a second factor, a TOTP or recovery code. */
export function LoginPage() {
  usePageTitle('Sign in');
  const { state, refresh } = useSession();
  const back = returnStateOf(useLocation().state);
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const submission = useSubmit();
  const codeHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 'code') codeHeading.current?.focus();
  }, [step]);

  // Signed in (now or already): go where the user was heading. The sign-in itself only has to
  // refresh the session; this redirect follows from the new state.
  if (state.status === 'signed-in') {
    const target = back.from === undefined ? landingPath(state.me) : safeReturnPath(back.from);
    return <Navigate to={target} replace />;
  }

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const answer = await identity.login(email, password);
      setPassword('');
      if (answer.mfa_required === true) setStep('code');
      else await refresh();
    });
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await identity.mfa(code.replace(/\s+/g, ''));
      await refresh();
    });
  };

  return (
    <article className="page">
      <h1>Sign in</h1>
      {state.status === 'anonymous' && state.accountDeleted === true && (
        <p className="notice" role="status">
          Your account is deleted and you are signed out. Thank you for using FinHelm.
        </p>
      )}
      {back.ended === true && (
        <p className="notice" role="status">
          Your session has ended. Sign in again to continue.
        </p>
      )}
      <FormAlert error={submission.error} />
      {step === 'password' ? (
        <form className="form" onSubmit={submitPassword} noValidate>
          <TextField
            id="email"
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onValue={setEmail}
            errors={submission.fields.email}
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onValue={setPassword}
            errors={submission.fields.password}
          />
          <div className="form__actions">
            <SubmitButton
              label="Sign in"
              busyLabel="Signing in…"
              busy={submission.busy}
              waitSeconds={submission.waitSeconds}
            />
            <Link to="/forgot-password">Forgot your password?</Link>
          </div>
          <p>
            New here? <Link to="/register">Create an account</Link>.
          </p>
        </form>
      ) : (
        <form className="form" onSubmit={submitCode} noValidate>
          <h2 ref={codeHeading} tabIndex={-1}>
            Two-factor code
          </h2>
          <p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <TextField
            id="code"
            label="Code"
            autoComplete="one-time-code"
            required
            value={code}
            onValue={setCode}
            errors={submission.fields.code}
          />
          <SubmitButton
            label="Verify"
            busyLabel="Checking…"
            busy={submission.busy}
            waitSeconds={submission.waitSeconds}
          />
        </form>
      )}
    </article>
  );
}
