/** One row of the desk: what the page shows of a claim, its article's title and its number of sources. */
export interface DeskRow {
  id: number;
  quote: string;
  article: { id: number; title: string };
  status: string;
  verdict: string | null;
  score: number;
  evidence: number;
  assigneeId: number | null;
  reviewNote: string;
}
