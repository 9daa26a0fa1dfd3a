import { PASSWORD_HINT } from './password';
import { TextField } from './TextField';

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

export const EMPTY_ACCOUNT: NewAccount = { name: '', email: '', password: '' };

/**
 * Name, email and a new password: the fields of registration and of the first run. `errors` are
 * the submission's per-field messages; the server's names for these fields match the keys.
 */
export function NewAccountFields({
  account,
  onChange,
  errors,
}: {
  account: NewAccount;
  onChange: (account: NewAccount) => void;
  errors: Record<string, string[]>;
}) {
  const field = (key: keyof NewAccount) => ({
    id: key,
    required: true,
    value: account[key],
    onValue: (value: string) => {
      onChange({ ...account, [key]: value });
    },
    errors: errors[key],
  });
  return (
    <>
      <TextField label="Your name" autoComplete="name" {...field('name')} />
      <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        {...field('password')}
      />
    </>
  );
}
