import { useEffect } from 'react';

/** Sets document.title to "<title> · FinHelm" while the calling page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'FinHelm' : `${title} · FinHelm`;
  }, [title]);
}
