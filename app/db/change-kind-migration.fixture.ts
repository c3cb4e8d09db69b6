/**
 * Snapshots as versions published before the change kind had its column stored them, and the
 * kind each must get: both databases' migrations are tested on these.
 */
export const CHANGE_KIND_SNAPSHOTS = [
  JSON.stringify({ number: 1, changeNote: "", changeKind: "correction" }),
  JSON.stringify({ number: 2, changeNote: "Added the figures.", changeKind: "update" }),
  // Published before there were kinds: every later version read as a correction.
  JSON.stringify({ number: 3, changeNote: "Fixed claim 2." }),
  // A note that quotes the words of an update is still a correction.
  JSON.stringify({ number: 4, changeNote: 'Not "changeKind":"update"', changeKind: "correction" }),
];
export const CHANGE_KINDS_EXPECTED = ["correction", "update", "correction", "correction"];
