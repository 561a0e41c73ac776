import { and, eq } from 'drizzle-orm';
import type {
  NotificationPreferencesInput,
  NotificationPreferencesView,
} from '../../../contracts/notifications.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { notificationPreferences } from '../../db/schema-meetings.ts';
import { requirePerson } from '../meetings/meeting-access.ts';

type PreferencesRow = typeof notificationPreferences.$inferSelect;

/** Reminders and digests are on until a person switches them off. */
const DEFAULTS: NotificationPreferencesView = {
  isReminderEnabled: true,
  isDigestEnabled: true,
  webhookUrl: null,
  updatedAt: null,
};

function toView(row: PreferencesRow): NotificationPreferencesView {
  return {
    isReminderEnabled: row.isReminderEnabled,
    isDigestEnabled: row.isDigestEnabled,
    webhookUrl: row.webhookUrl,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's own preferences in this organization; nobody reads another person's. */
export async function getNotificationPreferences(
  db: Db,
  tenant: Tenant,
): Promise<NotificationPreferencesView> {
  const personId = requirePerson(tenant);
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.organizationId, tenant.organizationId),
        eq(notificationPreferences.personId, personId),
      ),
    )
    .limit(1);
  return row ? toView(row) : DEFAULTS;
}

export async function saveNotificationPreferences(
  db: Db,
  tenant: Tenant,
  input: NotificationPreferencesInput,
  now = new Date(),
): Promise<NotificationPreferencesView> {
  const personId = requirePerson(tenant);
  const values = {
    isReminderEnabled: input.isReminderEnabled,
    isDigestEnabled: input.isDigestEnabled,
    webhookUrl: input.webhookUrl,
    updatedAt: now,
  };
  const [row] = await db
    .insert(notificationPreferences)
    .values({ organizationId: tenant.organizationId, personId, ...values })
    .onConflictDoUpdate({
      target: [notificationPreferences.organizationId, notificationPreferences.personId],
      set: values,
    })
    .returning();
  return toView(row!);
}
