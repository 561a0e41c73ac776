import type { MeetingSummary } from '../../contracts/meetings.ts';
import type { Act, Topic } from '../../core/coaching/labels.ts';
import type { AgendaItemType } from '../api/meetings.ts';

type Verdict = 'coaching' | 'mixed' | 'check-in';

interface Label {
  label: string;
  color: string;
}

// Every colour here comes with its words: badges, legends and bars always print the label too.

export const agendaTypeLabels: Record<AgendaItemType, Label & { hint: string }> = {
  goal: { label: 'Goal', color: 'grape', hint: 'Where they want to get to' },
  challenge: { label: 'Challenge', color: 'orange', hint: 'Something in the way' },
  decision: { label: 'Decision', color: 'cyan', hint: 'A choice to think through' },
  mindset: { label: 'Mindset', color: 'violet', hint: 'How they see the problem' },
  growth: { label: 'Growth', color: 'teal', hint: 'Skills and career' },
  feedback: { label: 'Feedback', color: 'pink', hint: 'Both directions' },
  personal: { label: 'Personal', color: 'indigo', hint: 'Life outside work' },
  status: { label: 'Status', color: 'yellow', hint: 'Belongs in the async update' },
};

export const agendaTypeOptions = (Object.keys(agendaTypeLabels) as AgendaItemType[]).map((value) => ({
  value,
  label: agendaTypeLabels[value].label,
}));

export const verdictLabels: Record<Verdict, Label & { sentence: string }> = {
  coaching: {
    label: 'Coaching',
    color: 'teal',
    sentence: 'Mostly coaching: questions, listening, and the thinking stayed with the report.',
  },
  mixed: {
    label: 'Mixed',
    color: 'yellow',
    sentence: 'Part coaching, part check-in: some real questions, and a good share of updates and telling.',
  },
  'check-in': {
    label: 'Check-in',
    color: 'red',
    sentence: 'Mostly a status check-in: more telling and task updates than coaching.',
  },
};

export const actLabels: Record<Act, Label & { single: string }> = {
  open_question: { label: 'Open questions', single: 'Open question', color: 'teal' },
  closed_question: { label: 'Closed questions', single: 'Closed question', color: 'cyan' },
  reflection: { label: 'Reflections', single: 'Reflection', color: 'grape' },
  telling: { label: 'Telling', single: 'Telling', color: 'orange' },
  other: { label: 'Other', single: 'Other', color: 'gray' },
};

export const topicLabels: Record<Topic, Label> = {
  strategy: { label: 'Strategy', color: 'indigo' },
  mindset: { label: 'Mindset', color: 'violet' },
  growth: { label: 'Growth', color: 'teal' },
  feedback: { label: 'Feedback', color: 'pink' },
  personal: { label: 'Personal', color: 'lime' },
  status: { label: 'Status', color: 'yellow' },
  logistics: { label: 'Logistics', color: 'gray' },
};

export function topicLabel(topic: string): Label {
  return topicLabels[topic as Topic] ?? { label: topic, color: 'gray' };
}

export const meetingStatusLabels: Record<MeetingSummary['status'], Label> = {
  scheduled: { label: 'Scheduled', color: 'tandem' },
  skipped: { label: 'Skipped', color: 'gray' },
  completed: { label: 'Closed', color: 'teal' },
};

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}
