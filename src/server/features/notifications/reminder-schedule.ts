import { runRetentionSweep } from '../retention/retention.service.ts';
import { runReminderSweep, type SweepContext } from './reminder-sweep.ts';
import type { SweepLog } from './webhook.ts';

export interface ReminderSchedule {
  /** Stops the timer and waits for a sweep in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Runs the reminder sweep every `intervalMs` in this process. Every app server may run it: the
 * sweep itself makes sure each mail goes out once. The timer does not keep the process alive,
 * and a sweep still running when the next is due is left to finish instead of doubled.
 */
export function startReminderSchedule(
  ctx: SweepContext,
  options: {
    intervalMs: number;
    log: SweepLog;
    /** Other due work that rides on the same timer (opening the next pulse rounds). */
    alsoRun?: (now: Date) => Promise<unknown>;
  },
): ReminderSchedule {
  const { log } = options;
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    const now = new Date();
    running = runReminderSweep(ctx, now, { log })
      .then(async (result) => {
        if (result.reminders + result.digests + result.webhooks + result.failures > 0)
          log.info({ ...result }, 'reminder sweep sent notifications');
        await options.alsoRun?.(now);
        // Retention rides on the same timer: deleting a transcript twice deletes nothing the second time.
        const retention = await runRetentionSweep(ctx.db, now);
        if (retention.transcripts > 0) log.info({ ...retention }, 'retention deleted old transcripts');
      })
      .catch((error: unknown) => log.error({ err: error }, 'reminder sweep failed; the next one retries'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
