import { useMemo } from 'react';

import { qrSquareOf } from './qrSvg';

/** A QR code drawn as inline SVG; colours come from security.css. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrSquareOf(text), [text]);
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${String(size)} ${String(size)}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect className="qr__light" width={size} height={size} />
      <path className="qr__dark" d={path} />
    </svg>
  );
}
