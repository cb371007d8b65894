import { useCallback, useRef, useState } from 'react';

/**
 * A confirmation asked in the middle of an async flow (a form's submit): `ask(payload)` opens the
 * dialog and resolves true or false when the user answers.
 */
export function useConfirm<P>() {
  const [payload, setPayload] = useState<P | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback(
    (p: P) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setPayload(p);
      }),
    [],
  );
  const answer = useCallback((ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    if (!ok) setPayload(null);
  }, []);
  const close = useCallback(() => setPayload(null), []);
  return { payload, open: payload !== null, ask, answer, close };
}
