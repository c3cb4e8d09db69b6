/** Something the user can fix: shown next to the form, with status 400 (or 404). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly status = 400,
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
export class ConflictError extends Error {
  readonly status = 409;
}
