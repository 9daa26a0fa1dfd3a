// Reads the mail the server writes to $FINHELM_DATA_DIR/outbox/*.eml when no SMTP relay is
// configured. Mail goes out from a background job, so the helpers poll.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = process.env.FINHELM_DATA_DIR ?? '';
const seen = new Set();

function messages() {
  const dir = join(dataDir, 'outbox');
  let names = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Waits for a message to `to` not returned before that links to `path` (such as
 * `/verify-email`) and returns that link's path and fragment, e.g. `/verify-email#token=...`.
 * The link is returned without its origin: the server names the origin of its public URL,
 * which for a test server listening on port 0 is not the port it got.
 */
export async function waitForLink(to, path, timeoutMs = 60_000) {
  const pattern = new RegExp(`https?://[^\\s"<>]+(${path}#token=[A-Za-z0-9_-]+)`);
  const found = await waitFor(to, (text) => pattern.exec(text)?.[1], timeoutMs);
  if (found === undefined)
    throw new Error(`no mail to ${to} with a ${path} link in ${timeoutMs} ms`);
  return found.value;
}

/** Waits for a message to `to` not returned before whose subject is `subject`; returns its text. */
export async function waitForSubject(to, subject, timeoutMs = 60_000) {
  const found = await waitFor(
    to,
    (text) => (/^Subject: *(.+)$/im.exec(text)?.[1]?.trim() === subject ? true : undefined),
    timeoutMs,
  );
  if (found === undefined)
    throw new Error(`no mail to ${to} about "${subject}" in ${timeoutMs} ms`);
  return found.text;
}

async function waitFor(to, match, timeoutMs) {
  if (dataDir === '') throw new Error('set FINHELM_DATA_DIR to the server data directory');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const { name, text } of messages()) {
      if (seen.has(name)) continue;
      const recipient = /^To: *(.+)$/im.exec(text)?.[1]?.trim();
      const value = recipient === to ? match(text) : undefined;
      if (value !== undefined) {
        seen.add(name);
        return { value, text };
      }
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return undefined;
}
