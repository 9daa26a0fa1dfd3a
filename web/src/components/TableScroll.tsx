import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on narrow screens. A region that scrolls must be reachable
 * by keyboard (WCAG 2.1.1), so it takes focus and carries a name to announce.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
