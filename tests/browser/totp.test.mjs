// The test's own TOTP must be right before it can prove anything about the server's.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { base32Decode, hotp } from './totp.mjs';

test('HOTP and TOTP match RFC 4226 and RFC 6238 (SHA-1, truncated to 6 digits)', () => {
  const key = Buffer.from('12345678901234567890');
  assert.equal(hotp(key, 0), '755224'); // RFC 4226 appendix D
  assert.equal(hotp(key, 9), '520489');
  assert.equal(hotp(key, Math.floor(59 / 30)), '287082'); // RFC 6238 appendix B, 94287082
  assert.equal(hotp(key, Math.floor(1111111109 / 30)), '081804'); // 07081804
});

test('base32 decodes the RFC 4648 vectors', () => {
  assert.equal(base32Decode('MZXW6YTBOI======').toString(), 'foobar');
  assert.equal(base32Decode('mzxw 6ytb oi').toString(), 'foobar');
});
