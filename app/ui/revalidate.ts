import type { ShouldRevalidateFunction } from "react-router";

/**
 * After a refused save (409), reload the page's data so the user sees what the other person
 * saved; React Router skips revalidation after error statuses by default.
 */
export const revalidateOnConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;
