/** One event of an audit trail as pages show it: who, when, what, and the fields it changed. */
export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  action: string;
  changes: Array<{ field: string; before: string; after: string }>;
}
