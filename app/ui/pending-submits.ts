import { useEffect } from "react";
import { useNavigation } from "react-router";

const BUSY = "aria-busy";
/** Marks the buttons this hook disabled, so it enables only those again. */
const HELD = "data-held";

/** Marks a form and the button that sent it as working; its buttons are disabled until the answer comes. */
function markBusy(form: HTMLFormElement, submitter: HTMLElement | null) {
  form.setAttribute(BUSY, "true");
  // Disabled after the event, not during it: a disabled submitter's name and value (the form's
  // intent) would be left out of the submission being built.
  setTimeout(() => {
    if (form.getAttribute(BUSY) !== "true") return;
    for (const button of buttonsOf(form, submitter)) {
      if (button.disabled) continue;
      button.setAttribute(HELD, "");
      button.disabled = true;
    }
    submitter?.setAttribute(BUSY, "true");
  }, 0);
}

/** The form's own submit buttons (those joined with `form=` too), and the one that sent it. */
function buttonsOf(form: HTMLFormElement, submitter: HTMLElement | null): HTMLButtonElement[] {
  const buttons = [...form.elements].filter(
    (element): element is HTMLButtonElement =>
      element instanceof HTMLButtonElement && element.type === "submit",
  );
  return submitter instanceof HTMLButtonElement && !buttons.includes(submitter)
    ? [...buttons, submitter]
    : buttons;
}

function clearBusy() {
  for (const form of document.querySelectorAll<HTMLFormElement>(`form[${BUSY}="true"]`)) {
    form.removeAttribute(BUSY);
    for (const button of buttonsOf(form, null)) {
      button.removeAttribute(BUSY);
      if (!button.hasAttribute(HELD)) continue;
      button.removeAttribute(HELD);
      button.disabled = false;
    }
  }
}

/**
 * Every form that changes something (method POST) shows it is working once sent, and cannot be
 * sent again until its answer has come: its submit buttons are disabled, the one that sent it is
 * marked aria-busy (the stylesheet shows "working…"), and a second submit of the same form (a
 * double click, Enter twice) is stopped before it starts. One mechanism for every form of the
 * app, installed once by the root. It ends when the router's navigation is idle again (the
 * answer was shown, an error included) or, for a form that reloads the whole page, when the page
 * is shown from the back-forward cache. Without JavaScript, the server's submission tokens stop
 * the second copy.
 */
export function usePendingSubmits() {
  const navigation = useNavigation();
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
      if (form.getAttribute(BUSY) === "true") {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      markBusy(form, event.submitter);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) clearBusy();
    };
    // Capture, on the window: before the router's own handler, so a second submit never reaches it.
    window.addEventListener("submit", onSubmit, true);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
  useEffect(() => {
    if (navigation.state === "idle") clearBusy();
  }, [navigation.state]);
}
