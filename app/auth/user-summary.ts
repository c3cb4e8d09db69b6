/** A user as the administration page lists them: no password hash, no secrets. */
export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: string;
  active: boolean;
  /** Invited and has not chosen a password yet. */
  invitePending: boolean;
  /** Has a password and an unused link to choose a new one. */
  resetPending: boolean;
  createdAt: Date;
}
