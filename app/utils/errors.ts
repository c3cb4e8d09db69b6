/**
 * The one error model. Domain functions throw these for anything a person can act on; forms,
 * loaders and the API turn them into answers in one place (`httpError` in http.server.ts).
 * Anything else thrown is a bug and becomes the generic error page.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** The HTTP status the answer carries. */
    readonly status = 400,
    /** Form fields to mark, by name, each with its own sentence. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The record asked for does not exist (any more): status 404. */
export class NotFoundError extends UserError {
  constructor(message: string) {
    super(message, 404);
  }
}

/** A save based on a version that someone else has changed since: status 409. */
export class ConflictError extends UserError {
  constructor(
    message: string,
    /** The record as it is now, for clients that can show or merge it (the API sends it). */
    readonly current?: unknown,
  ) {
    super(message, 409);
  }
}

/** Too many attempts from one account or address: status 429, try again after `retryAfterSeconds`. */
export class TooManyAttempts extends UserError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 600,
  ) {
    super(message, 429);
  }
}

/**
 * The server is already doing as much of some work as it takes at once (every parsing worker
 * busy and their queue full, or review imports queued): status 429, nothing was saved, try again
 * after `retryAfterSeconds`.
 */
export class ServerBusy extends UserError {
  readonly retryAfterSeconds = 60;
  constructor(message: string) {
    super(message, 429);
  }
}

/** Another server process held the database for too long: 503, nothing was saved, try again. */
export class DatabaseBusy extends UserError {
  readonly retryAfterSeconds = 2;
  constructor() {
    super("The database is busy with other work. Nothing was saved; try again in a moment.", 503);
  }
}
