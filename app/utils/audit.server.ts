import type { Prisma } from "../generated/prisma/client";

/** A transaction in progress: the audit row commits or rolls back with the change. */
type Tx = Prisma.TransactionClient;

export interface AuditInput {
  actorId: number | null;
  articleId: number | null;
  entityType: "article" | "claim" | "evidence" | "publication" | "user" | "hardware-reference";
  entityId: number;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what, with before and after values, inside the change's transaction. */
export async function audit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      articleId: event.articleId,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
}
