import { create } from 'qrcode';

/** The quiet zone the QR specification asks for around the symbol, in modules. */
const QUIET_ZONE = 4;

export interface QrSquare {
  /** Side length in modules, quiet zone included: the SVG viewBox is `0 0 size size`. */
  size: number;
  /** One SVG path drawing every dark module as a 1×1 square. */
  path: string;
}

/**
 * An SVG path for a module matrix, `dark(row, column)` for each of `modules` × `modules`.
 * A path rather than an image: data: URLs are refused by the CSP, and an inline <svg> needs no
 * style attribute either.
 */
export function qrPath(modules: number, dark: (row: number, column: number) => boolean): QrSquare {
  const parts: string[] = [];
  for (let row = 0; row < modules; row += 1) {
    for (let column = 0; column < modules; column += 1) {
      if (dark(row, column)) {
        parts.push(`M${String(column + QUIET_ZONE)} ${String(row + QUIET_ZONE)}h1v1h-1z`);
      }
    }
  }
  return { size: modules + 2 * QUIET_ZONE, path: parts.join('') };
}

/** The QR code of `text` (error correction M, enough for an otpauth URI on a screen). */
export function qrSquareOf(text: string): QrSquare {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return qrPath(modules.size, (row, column) => modules.get(row, column) !== 0);
}
