import { useCallback, useEffect, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `load()` when the component mounts and whenever `key` changes or `reload()` is called.
 * Failures go to `onError` first; when it handles one (returns true) nothing is shown for it.
 */
export function useResource<T>(
  key: string,
  load: () => Promise<T>,
  onError?: (error: unknown) => boolean,
): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ tag: string; data?: T; error?: unknown } | null>(null);
  const tag = `${key}#${String(attempt)}`;

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setResult({ tag, data });
      },
      (error: unknown) => {
        if (!current) return;
        if (onError?.(error) === true) return;
        setResult({ tag, error });
      },
    );
    return () => {
      current = false;
    };
    // `load` and `onError` are new closures each render; `tag` says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  // While reloading, keep showing the last data so tables do not flash empty.
  return {
    data: result?.data,
    error: result?.tag === tag ? (result.error ?? null) : null,
    loading: result?.tag !== tag,
    reload,
  };
}
