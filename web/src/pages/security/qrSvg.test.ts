import { describe, expect, it } from 'vitest';

import { qrPath, qrSquareOf } from './qrSvg';

describe('qrPath', () => {
  it('draws each dark module as a unit square offset by the quiet zone', () => {
    const { size, path } = qrPath(2, (row, column) => row === column);
    expect(size).toBe(10);
    expect(path).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
  });

  it('draws nothing for a blank matrix', () => {
    expect(qrPath(3, () => false).path).toBe('');
  });
});

describe('qrSquareOf', () => {
  it('encodes an otpauth URI as a QR symbol of a valid size', () => {
    const uri =
      'otpauth://totp/FinHelm:a@example.com?secret=O4OVJA2MPH6MKTM4VBDA5QTSHSKDAUSM&issuer=FinHelm';
    const { size, path } = qrSquareOf(uri);
    const modules = size - 8;
    // Versions 1-40 are 21 + 4(v-1) modules wide.
    expect((modules - 21) % 4).toBe(0);
    expect(modules).toBeGreaterThanOrEqual(21);
    // The three finder patterns put a dark module at each of these corners.
    expect(path).toContain('M4 4h1v1h-1z');
    expect(path).toContain(`M${String(4 + modules - 1)} 4h1v1h-1z`);
    expect(path).toContain(`M4 ${String(4 + modules - 1)}h1v1h-1z`);
  });
});
