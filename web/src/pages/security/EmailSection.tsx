import { useState, type FormEvent } from 'react';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { ReauthenticateForm } from '../../components/ReauthenticateForm';
import { useReauthentication } from '../../components/useReauthentication';
import { useMe } from '../../session/SessionContext';

/**
 * Starts an email change (AUTH-8: after a fresh password proof). The server answers the same
 * whether or not the new address is taken, and so does this section: it only ever says to
 * check the new address.
 */
export function EmailSection() {
  const me = useMe();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submission = useSubmit();
  const reauthentication = useReauthentication(submission);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const address = email.trim();
    reauthentication.run(async () => {
      await identity.changeEmail(address);
      setEmail('');
      setSentTo(address);
    });
  };

  return (
    <section className="security__section" aria-labelledby="email-heading">
      <h2 id="email-heading">Email address</h2>
      <p>
        You sign in with <strong data-testid="current-email">{me.user.email}</strong>.
      </p>
      {reauthentication.prompting ? (
        <ReauthenticateForm onProven={reauthentication.proven} onCancel={reauthentication.cancel} />
      ) : (
        <>
          {sentTo !== null && (
            <FormStatus>
              <p>
                Check the new address, {sentTo}: a link to confirm the change is on its way. Your
                email stays {me.user.email} until the link is opened; it works once, for 24 hours. A
                notice also goes to {me.user.email}.
              </p>
            </FormStatus>
          )}
          <FormAlert error={submission.error} />
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              id="new-email"
              label="New email address"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              value={email}
              onValue={setEmail}
              errors={submission.fields.email}
            />
            <SubmitButton
              label="Change email"
              busyLabel="Sending…"
              busy={submission.busy}
              waitSeconds={submission.waitSeconds}
              buttonRef={reauthentication.trigger}
            />
          </form>
        </>
      )}
    </section>
  );
}
