import { describe, expect, it } from 'vitest';
import { renderHistoryMarkdown } from './history-markdown.ts';
import type { HistoryMeeting, MeetingHistory } from './meeting-history.service.ts';

const meeting: HistoryMeeting = {
  id: 'm1',
  startsAt: '2025-01-13T09:00:00.000Z',
  endsAt: '2025-01-13T09:30:00.000Z',
  status: 'completed',
  myRole: 'report',
  leader: 'Lena Leader',
  report: 'Ravi Report',
  template: 'Coaching 1:1',
  closedAt: '2025-01-13T09:31:00.000Z',
  noNextStepsReason: null,
  agenda: [
    { title: 'Launch in March?', type: 'decision', details: '', authorName: 'Ravi Report', isCovered: true },
  ],
  statusUpdate: null,
  sharedNotes: '# Decisions\n- Ravi makes the call',
  privateNote: 'Ask for the promotion\n\nafter the launch',
  nextSteps: [
    {
      title: 'Ask legal',
      owner: null,
      dueDate: null,
      status: 'dropped',
      droppedReason: 'not needed after all',
      completedAt: null,
    },
  ],
};
const history = (meetings: HistoryMeeting[]): MeetingHistory => ({
  person: { name: 'Ravi Report', email: 'ravi@example.com' },
  organization: { slug: 'harbor', name: 'Harbor & Pine' },
  exportedAt: '2026-05-01T10:00:00.000Z',
  meetings,
});

describe('renderHistoryMarkdown', () => {
  it('keeps the headings of shared notes below the meeting’s own', () => {
    const markdown = renderHistoryMarkdown(history([meeting]));
    expect(markdown).toContain('## 2025-01-13 · with Lena Leader');
    expect(markdown).toContain('#### Decisions');
    expect(markdown.match(/^# /gm)).toHaveLength(1);
  });

  it('quotes the private note and says why a step was dropped', () => {
    const markdown = renderHistoryMarkdown(history([meeting]));
    expect(markdown).toContain('### My private note\n\n> Ask for the promotion\n>\n> after the launch');
    expect(markdown).toContain('- [-] Ask legal (no owner, no due date, dropped): not needed after all');
    expect(markdown).toContain('- [x] Launch in March? _(decision, Ravi Report)_');
  });

  it('says so when there is no past 1:1 yet', () => {
    expect(renderHistoryMarkdown(history([]))).toContain('0 meetings\n\nNo past 1:1s yet.\n');
  });
});
