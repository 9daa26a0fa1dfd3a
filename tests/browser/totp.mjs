// RFC 6238 TOTP (HMAC-SHA1, 30 s step, 6 digits) computed in the test from the secret the
// security screen shows, as an authenticator app would.
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226) of `counter`. */
export function hotp(key, counter) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

const STEP_SECONDS = 30;

/**
 * Codes for one secret. The server accepts each time step once (AUTH-6) with one step of skew,
 * so each call uses a step after the last one used: the current step, or the next one (within
 * the skew), waiting for time to move on only when both are spent.
 */
export function totpSource(secret) {
  const key = base32Decode(secret);
  let lastUsed = -Infinity;
  return async function nextCode() {
    for (;;) {
      const now = Math.floor(Date.now() / 1000 / STEP_SECONDS);
      const candidate = Math.max(now, lastUsed + 1);
      if (candidate <= now + 1) {
        lastUsed = candidate;
        return hotp(key, candidate);
      }
      await new Promise((done) => setTimeout(done, 1_000));
    }
  };
}
