import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';

/** The latest mails kept for one address, newest first (operators only: see `tandem mail`). */
export async function findMailTo(db: Db, address: string) {
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, address.trim().toLowerCase()))
    .orderBy(desc(outbox.createdAt))
    .limit(20);
  return rows.map((row) => ({
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    kind: row.kind,
    delivery: row.delivery,
    createdAt: row.createdAt.toISOString(),
  }));
}
