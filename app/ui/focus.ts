import { useEffect, useRef } from "react";

/**
 * A ref to an element that takes focus each time `arrival` is a new value (the action's answer
 * it shows): after a client-side submission, as `autoFocus` does on a fresh page load without
 * JavaScript. Otherwise focus stays on the button just pressed and nobody hears of the answer.
 */
export function useFocusOnArrival<T extends HTMLElement>(arrival: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (arrival) ref.current?.focus();
  }, [arrival]);
  return ref;
}
