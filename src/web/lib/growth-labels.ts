import type { PersonGrowth } from '../../contracts/growth.ts';

export const ratingLabels: Record<number, string> = {
  1: 'Beginning',
  2: 'Developing',
  3: 'Proficient',
  4: 'Role model',
};

type GapKind = PersonGrowth['gaps'][number]['kind'];

export const gapLabels: Record<GapKind, { label: string; color: string; sentence: string }> = {
  'blind-spot': {
    label: 'Blind spot',
    color: 'orange',
    sentence: 'Rated higher by themself than by their manager: worth a conversation with examples.',
  },
  'hidden-strength': {
    label: 'Hidden strength',
    color: 'teal',
    sentence: 'Their manager sees more than they do: say so, with the moments that showed it.',
  },
  'agreed-development': {
    label: 'Agreed to develop',
    color: 'yellow',
    sentence: 'Both rate it low: a natural pick for the development plan.',
  },
  'agreed-strength': { label: 'Agreed strength', color: 'tandem', sentence: 'Both rate it high.' },
  'self-only': { label: 'Self only', color: 'gray', sentence: 'Only rated by themself so far.' },
  'manager-only': { label: 'Manager only', color: 'gray', sentence: 'Only rated by their manager so far.' },
};

export const goalStatusLabels = {
  'not-started': { label: 'Not started', color: 'gray' },
  'on-track': { label: 'On track', color: 'teal' },
  'at-risk': { label: 'At risk', color: 'orange' },
  done: { label: 'Done', color: 'tandem' },
  dropped: { label: 'Dropped', color: 'gray' },
} as const;
