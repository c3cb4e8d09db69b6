/** Something the user can fix: shown next to the form, with status 400 (or 404). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** A save based on a version that someone else has changed since: status 409. */
export class ConflictError extends Error {
  readonly status = 409;
}
