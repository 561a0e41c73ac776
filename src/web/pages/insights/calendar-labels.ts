import type { CalendarEventClass } from '../../api/calendar-audits.ts';

/** The classes of a calendar's hours, in the order the chart stacks them, each with words and a colour. */
export const eventClassLabels: Record<CalendarEventClass, { label: string; color: string; mantine: string }> =
  {
    'one-on-one': { label: '1:1s', color: 'var(--mantine-color-teal-filled)', mantine: 'teal' },
    status: { label: 'Status', color: 'var(--mantine-color-yellow-filled)', mantine: 'yellow' },
    strategy: { label: 'Strategy', color: 'var(--mantine-color-grape-filled)', mantine: 'grape' },
    external: { label: 'External', color: 'var(--mantine-color-cyan-filled)', mantine: 'cyan' },
    focus: { label: 'Focus', color: 'var(--mantine-color-tandem-filled)', mantine: 'tandem' },
    other: { label: 'Other', color: 'var(--mantine-color-gray-6)', mantine: 'gray' },
  };

export const eventClassOrder = Object.keys(eventClassLabels) as CalendarEventClass[];

function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The four whole weeks before this one, Monday to Sunday, as the server would choose them. */
export function defaultAuditPeriod(today: Date = new Date()): { from: string; to: string } {
  const sinceMonday = (today.getDay() + 6) % 7;
  const lastSunday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - sinceMonday - 1);
  const from = new Date(lastSunday.getFullYear(), lastSunday.getMonth(), lastSunday.getDate() - 27);
  return { from: isoDay(from), to: isoDay(lastSunday) };
}
