import { useEffect, useRef, useState } from 'react';

/** The ten recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="notice" role="region" aria-labelledby="recovery-heading">
      <h3 id="recovery-heading" ref={heading} tabIndex={-1}>
        Save these recovery codes now
      </h3>
      <p>
        Two-factor sign-in is on. If you lose your authenticator, each of these codes signs you in
        once instead of a 6-digit code. <strong>They are shown only this once</strong>: write them
        down or keep them in a password manager.
      </p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="secret">{code}</code>
          </li>
        ))}
      </ul>
      <div className="checkbox">
        <input
          id="recovery-saved"
          type="checkbox"
          checked={saved}
          onChange={(event) => {
            setSaved(event.target.checked);
          }}
        />
        <label htmlFor="recovery-saved">I have saved my recovery codes</label>
      </div>
      <p>
        <button type="button" className="button" disabled={!saved} onClick={onDone}>
          Done
        </button>
      </p>
    </div>
  );
}
