/**
 * The fragment a claim page's save redirects to when its answer belongs in a section further down
 * the page: the id of the message that says what was saved (app/ui/SavedNotice.tsx shows it in
 * that section). The page lands on the message, not on the section's top.
 */
export const savedAnchor = (section: "evidence" | "matches" | "attribution") => `#${section}-saved`;
