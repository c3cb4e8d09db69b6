/**
 * Starts requests one per turn of the event loop, in the order they arrived.
 *
 * Why: libuv accepts one new connection per turn of the loop (since libuv 1.45, libuv/libuv#3696),
 * and a turn runs the handler of every request that arrived in it. On SQLite a page's work never
 * waits for I/O, so a busy turn lasted as long as all those pages together (50 desks: half a
 * second), and at 50 busy connections a new visitor waited up to 10 s just to be accepted. Here a
 * turn starts one request: turns last one page, new connections are accepted between them, and a
 * request that waited past `maxWaitMs`, or arrived with `maxWaiting` already in line, is answered
 * "busy" instead of being started late.
 */
export interface TurnQueue<T> {
  /** Queues one request; it starts in a later turn, after every request queued before it (or is refused at once when the line is full). */
  admit(item: T): void;
  /** Requests waiting for their turn. */
  readonly waiting: number;
}

export interface TurnOptions<T> {
  start: (item: T) => void;
  /** Answers a request that waited too long (the server is overloaded: a 503). */
  refuse: (item: T) => void;
  /** Whether the client went away meanwhile (its connection closed): such a request is dropped. */
  abandoned: (item: T) => boolean;
  maxWaitMs: number;
  /** Requests that may wait at once: more would only wait to be refused (memory stays bounded). */
  maxWaiting: number;
  now?: () => number;
  /** How the next turn is asked for; tests pass their own. */
  schedule?: (turn: () => void) => void;
}

export function createTurnQueue<T>({
  start,
  refuse,
  abandoned,
  maxWaitMs,
  maxWaiting,
  now = () => performance.now(),
  schedule = setImmediate,
}: TurnOptions<T>): TurnQueue<T> {
  // A FIFO without Array#shift's copying: `head` is the next to start; the array is reset when empty.
  let items: Array<{ item: T; since: number }> = [];
  let head = 0;
  let scheduled = false;

  const turn = () => {
    scheduled = false;
    // Under steady load the queue may never empty: drop the started part now and then.
    if (head >= 1024 && head * 2 >= items.length) {
      items = items.slice(head);
      head = 0;
    }
    while (head < items.length) {
      const { item, since } = items[head]!;
      items[head++] = undefined as never;
      if (abandoned(item)) continue;
      if (now() - since > maxWaitMs) {
        refuse(item);
        continue;
      }
      if (head < items.length) ask();
      else reset();
      start(item);
      return;
    }
    reset();
  };
  const reset = () => {
    items = [];
    head = 0;
  };
  const ask = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(turn);
  };

  return {
    admit(item) {
      if (items.length - head >= maxWaiting) {
        refuse(item);
        return;
      }
      items.push({ item, since: now() });
      ask();
    },
    get waiting() {
      return items.length - head;
    },
  };
}
