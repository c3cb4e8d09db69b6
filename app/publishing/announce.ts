/**
 * News of publications, for whoever keeps copies of public pages (serve.server.ts's page cache).
 * publishArticle announces a publication after its transaction has committed, so a listener
 * that reads the database at once finds it. Only this process hears the announcement: the page
 * cache also checks each kept page against the latest version number, so a publication by
 * another server process is served at the next request (decision 017).
 */

/** A committed publication: the fact-check's slug and its new version number. */
export interface Announcement {
  slug: string;
  number: number;
}

type Listener = (publication: Announcement) => void;

const listeners = new Set<Listener>();

/** Calls `listener` for every publication from now on; returns the function that stops it. */
export function onPublication(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells every listener of a committed publication. Call it after the commit, never inside the
 * transaction. A listener that fails is reported, not thrown: the publication stands.
 */
export function announcePublication(publication: Announcement): void {
  for (const listener of listeners) {
    try {
      listener(publication);
    } catch (error) {
      console.error(error);
    }
  }
}
