// What the desk needs in the browser as well: no zod here (zod probes eval, which the CSP refuses).

/** One row of the desk: what the page shows of a claim, its article's title and its number of sources. */
export interface DeskRow {
  id: number;
  quote: string;
  /** The article's language (BCP 47): figures and words are read in it. */
  article: { id: number; title: string; language: string };
  status: string;
  verdict: string | null;
  score: number;
  evidence: number;
  assigneeId: number | null;
  reviewNote: string;
}

/**
 * Whose work a desk view holds, beside the other filters: "mine" is the open claims assigned to
 * the reader or sent back to them (they wrote the verdict a reviewer returned); "review" the
 * claims waiting for review whose verdict the reader did not write (the ones they may approve);
 * "mentions" the claims whose comments name the reader.
 */
export const DESK_QUEUES = ["any", "mine", "review", "mentions"] as const;
export type DeskQueue = (typeof DESK_QUEUES)[number];

export interface DeskViewFilter {
  status: string;
  verdict: string;
  assignee: string;
  article: string;
  previous: string;
  queue: DeskQueue;
}

export type DeskCounts = Record<"mine" | "toReview" | "review" | "mentions" | "unassigned", number>;

export interface QuickView {
  key: "mine" | "toReview" | "review" | "mentions" | "unassigned" | "open";
  label: string;
  status: string;
  assignee: string;
  queue: DeskQueue;
  count: keyof DeskCounts | null;
  /** Only shown to people who may approve. */
  approversOnly?: boolean;
}

export const QUICK_VIEWS: QuickView[] = [
  { key: "mine", label: "My queue", status: "open", assignee: "any", queue: "mine", count: "mine" },
  {
    key: "toReview",
    label: "For me to review",
    status: "needs-review",
    assignee: "any",
    queue: "review",
    count: "toReview",
    approversOnly: true,
  },
  {
    key: "mentions",
    label: "Mentions",
    status: "any",
    assignee: "any",
    queue: "mentions",
    count: "mentions",
  },
  {
    key: "review",
    label: "Waiting for review",
    status: "needs-review",
    assignee: "any",
    queue: "any",
    count: "review",
  },
  {
    key: "unassigned",
    label: "Unassigned",
    status: "open",
    assignee: "none",
    queue: "any",
    count: "unassigned",
  },
  { key: "open", label: "All open claims", status: "open", assignee: "any", queue: "any", count: null },
];

export const quickViewHref = (q: QuickView) =>
  `/desk?queue=${q.queue}&status=${q.status}&assignee=${q.assignee}`;

/** The filter a quick view shows. */
export function quickViewFilter(q: QuickView): DeskViewFilter {
  return {
    status: q.status,
    verdict: "any",
    assignee: q.assignee,
    article: "any",
    previous: "any",
    queue: q.queue,
  };
}

/** Whether the filter is exactly this quick view. */
export function isQuickView(filter: DeskViewFilter, q: QuickView): boolean {
  const view = quickViewFilter(q);
  return (Object.keys(view) as Array<keyof DeskViewFilter>).every((key) => filter[key] === view[key]);
}

/**
 * The view a desk opened without a filter shows: the first one with work the person can do.
 * Their own queue, then (for reviewers) verdicts others wrote that wait for them, then the
 * claims they were mentioned on, then (for anyone who checks claims) unassigned ones; a
 * reader who checks nothing sees all open claims. With nothing anywhere, their own (empty) queue.
 */
export function openingView(counts: DeskCounts, may: { edit: boolean; approve: boolean }): QuickView {
  const view = (key: QuickView["key"]) => QUICK_VIEWS.find((q) => q.key === key)!;
  if (!may.edit) return view(counts.mentions > 0 ? "mentions" : "open");
  if (counts.mine > 0) return view("mine");
  if (may.approve && counts.toReview > 0) return view("toReview");
  if (counts.mentions > 0) return view("mentions");
  if (counts.unassigned > 0) return view("unassigned");
  return view("mine");
}
