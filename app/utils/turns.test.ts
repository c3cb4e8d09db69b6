import { describe, expect, it } from "vitest";
import { createTurnQueue } from "./turns.server";

/** A queue whose turns run only when the test says so, with a clock the test moves. */
function harness(maxWaitMs = 1000, maxWaiting = 10_000) {
  const started: string[] = [];
  const refused: string[] = [];
  const gone = new Set<string>();
  const pending: Array<() => void> = [];
  let clock = 0;
  const queue = createTurnQueue<string>({
    start: (item) => started.push(item),
    refuse: (item) => refused.push(item),
    abandoned: (item) => gone.has(item),
    maxWaitMs,
    maxWaiting,
    now: () => clock,
    schedule: (turn) => pending.push(turn),
  });
  const runTurn = () => {
    const turn = pending.shift();
    if (!turn) throw new Error("no turn was asked for");
    turn();
  };
  return {
    queue,
    started,
    refused,
    gone,
    runTurn,
    turnsAsked: () => pending.length,
    advance: (ms: number) => (clock += ms),
  };
}

describe("one request per turn of the event loop", () => {
  it("starts nothing at once, then one request per turn in arrival order", () => {
    const t = harness();
    t.queue.admit("a");
    t.queue.admit("b");
    t.queue.admit("c");
    expect(t.started).toEqual([]);
    expect(t.turnsAsked()).toBe(1);
    t.runTurn();
    expect(t.started).toEqual(["a"]);
    expect(t.queue.waiting).toBe(2);
    t.runTurn();
    t.runTurn();
    expect(t.started).toEqual(["a", "b", "c"]);
    expect(t.turnsAsked()).toBe(0);
    expect(t.queue.waiting).toBe(0);
  });

  it("puts a request that arrives meanwhile behind those already waiting", () => {
    const t = harness();
    t.queue.admit("a");
    t.queue.admit("b");
    t.runTurn();
    t.queue.admit("c");
    expect(t.turnsAsked()).toBe(1);
    t.runTurn();
    t.runTurn();
    expect(t.started).toEqual(["a", "b", "c"]);
  });

  it("answers busy for a request that waited too long, and starts the next in the same turn", () => {
    const t = harness(1000);
    t.queue.admit("old");
    t.advance(600);
    t.queue.admit("new");
    t.advance(401);
    t.runTurn();
    expect(t.refused).toEqual(["old"]);
    expect(t.started).toEqual(["new"]);
    expect(t.turnsAsked()).toBe(0);
  });

  it("refuses at once a request that arrives with the line full, and takes new ones as it shortens", () => {
    const t = harness(1000, 2);
    t.queue.admit("a");
    t.queue.admit("b");
    t.queue.admit("c");
    expect(t.refused).toEqual(["c"]);
    expect(t.queue.waiting).toBe(2);
    t.runTurn();
    t.queue.admit("d");
    t.runTurn();
    t.runTurn();
    expect(t.started).toEqual(["a", "b", "d"]);
  });

  it("drops a request whose client went away, without starting or refusing it", () => {
    const t = harness();
    t.queue.admit("left");
    t.queue.admit("stayed");
    t.gone.add("left");
    t.runTurn();
    expect(t.started).toEqual(["stayed"]);
    expect(t.refused).toEqual([]);
  });

  it("asks for no more turns once every waiting request is dropped", () => {
    const t = harness();
    t.queue.admit("x");
    t.gone.add("x");
    t.runTurn();
    expect(t.turnsAsked()).toBe(0);
    t.queue.admit("y");
    t.runTurn();
    expect(t.started).toEqual(["y"]);
  });

  it("keeps arrival order through a long stretch in which the queue never empties", () => {
    const t = harness();
    const expected: string[] = [];
    let next = 0;
    const admit = () => {
      const item = `r${next++}`;
      expected.push(item);
      t.queue.admit(item);
    };
    for (let i = 0; i < 50; i++) admit();
    for (let i = 0; i < 5000; i++) {
      t.runTurn();
      admit();
    }
    expect(t.queue.waiting).toBe(50);
    while (t.turnsAsked() > 0) t.runTurn();
    expect(t.started).toEqual(expected);
  });
});
