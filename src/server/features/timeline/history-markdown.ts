import type { HistoryMeeting, MeetingHistory } from './meeting-history.service.ts';

/** A 1:1 history as a Markdown document a person can read, keep or print. */
export function renderHistoryMarkdown(history: MeetingHistory): string {
  const count = history.meetings.length;
  const lines = [
    `# 1:1 history of ${history.person.name}`,
    '',
    `${history.organization.name} · exported ${history.exportedAt.slice(0, 10)} · ${count === 1 ? '1 meeting' : `${count} meetings`}`,
    '',
  ];
  if (count === 0) lines.push('No past 1:1s yet.', '');
  for (const meeting of history.meetings) lines.push(...renderMeeting(meeting));
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderMeeting(meeting: HistoryMeeting): string[] {
  const other = meeting.myRole === 'leader' ? meeting.report : meeting.leader;
  const lines = [
    `## ${meeting.startsAt.slice(0, 10)} · with ${other}`,
    '',
    `${meeting.leader} (leader) and ${meeting.report} · ${meeting.template} · ${meeting.startsAt.slice(11, 16)} UTC · ${meeting.status}`,
    '',
  ];
  if (meeting.agenda.length > 0) {
    lines.push('### Agenda', '');
    for (const item of meeting.agenda) {
      lines.push(
        `- [${item.isCovered ? 'x' : ' '}] ${oneLine(item.title)} _(${item.type}, ${item.authorName})_`,
      );
      if (item.details.trim()) lines.push(...indented(item.details));
    }
    lines.push('');
  }
  if (meeting.statusUpdate) {
    const { wins, inProgress, blocked, authorName } = meeting.statusUpdate;
    lines.push(`### Status update from ${authorName}`, '');
    for (const [title, text] of [
      ['Wins', wins],
      ['In progress', inProgress],
      ['Blocked', blocked],
    ] as const) {
      if (text.trim()) lines.push(`**${title}:** ${text.trim()}`, '');
    }
  }
  if (meeting.sharedNotes.trim())
    lines.push('### Shared notes', '', demoteHeadings(meeting.sharedNotes.trim()), '');
  if (meeting.privateNote.trim())
    lines.push('### My private note', '', quoted(meeting.privateNote.trim()), '');
  if (meeting.nextSteps.length > 0) {
    lines.push('### Next steps', '');
    for (const step of meeting.nextSteps) lines.push(`- ${stepLine(step)}`);
    lines.push('');
  } else if (meeting.noNextStepsReason) {
    lines.push('### Next steps', '', `None: ${oneLine(meeting.noNextStepsReason)}`, '');
  }
  return lines;
}

function stepLine(step: HistoryMeeting['nextSteps'][number]): string {
  const box = step.status === 'done' ? '[x]' : step.status === 'dropped' ? '[-]' : '[ ]';
  const facts = [
    step.owner ?? 'no owner',
    step.dueDate ? `due ${step.dueDate}` : 'no due date',
    step.status === 'done' && step.completedAt ? `done ${step.completedAt.slice(0, 10)}` : step.status,
  ];
  const dropped = step.status === 'dropped' && step.droppedReason ? `: ${oneLine(step.droppedReason)}` : '';
  return `${box} ${oneLine(step.title)} (${facts.join(', ')})${dropped}`;
}

// The notes are Markdown of their own; their headings sit below the meeting's, not beside the title.
function demoteHeadings(markdown: string): string {
  return markdown.replace(/^(#{1,6})(?=\s)/gm, (hashes) => '#'.repeat(Math.min(6, hashes.length + 3)));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function indented(text: string): string[] {
  return text
    .trim()
    .split('\n')
    .map((line) => `  ${line}`);
}

function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
