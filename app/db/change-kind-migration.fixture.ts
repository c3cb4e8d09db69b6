/**
 * Publications as versions published before the change kind had its column stored them, and what
 * the migration must make of each: both databases' migrations are tested on these.
 */
export const CHANGE_KIND_ROWS = [
  { number: 1, snapshot: JSON.stringify({ number: 1, changeNote: "", changeKind: "correction" }) },
  {
    number: 2,
    snapshot: JSON.stringify({ number: 2, changeNote: "Added the figures.", changeKind: "update" }),
  },
  // Published before there were kinds: every later version read as a correction.
  { number: 3, snapshot: JSON.stringify({ number: 3, changeNote: "Fixed claim 2." }) },
  // A note that quotes the words of an update is still a correction.
  {
    number: 4,
    snapshot: JSON.stringify({
      number: 4,
      changeNote: 'Not "changeKind":"update"',
      changeKind: "correction",
    }),
  },
  // Written with spaces, as no version of Claimdesk wrote it: read all the same.
  { number: 5, snapshot: '{ "number": 5, "changeNote": "Added a source.", "changeKind" : "update" }' },
];
export const CHANGE_KINDS_EXPECTED = ["correction", "update", "correction", "correction", "update"];
/** Version 1 keeps its stored page (its log is empty); later versions' pages are rendered again. */
export const PAGES_EXPECTED = ["stored", "", "", "", ""];
