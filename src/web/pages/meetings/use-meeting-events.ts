import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { analysisKey } from '../../api/analysis.ts';
import { meetingKey, meetingsKey, nextStepsKey } from '../../api/meetings.ts';

interface ChangeEvent {
  meetingId: string;
  kind: 'agenda' | 'status' | 'notes' | 'next-steps' | 'meeting' | 'analysis';
  byPersonId: string | null;
}

/**
 * Listens to the 1:1's live changes and reloads the part that changed, so the other person's
 * topics, status, notes and next steps appear without a reload. The browser reconnects by itself
 * after a dropped connection (the server asks for a retry after 2 s).
 */
export function useMeetingEvents(org: string, meetingId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/orgs/${org}/meetings/${meetingId}/events`);
    const onChange = (message: MessageEvent<string>) => {
      let event: ChangeEvent;
      try {
        event = JSON.parse(message.data) as ChangeEvent;
      } catch {
        return;
      }
      if (event.kind === 'analysis') {
        void queryClient.invalidateQueries({ queryKey: analysisKey(org, meetingId) });
        return;
      }
      // Agenda, status, notes, next steps and the meeting itself all arrive with the meeting page.
      void queryClient.invalidateQueries({ queryKey: meetingKey(org, meetingId), exact: true });
      if (event.kind === 'next-steps') void queryClient.invalidateQueries({ queryKey: nextStepsKey(org) });
      if (event.kind === 'meeting' || event.kind === 'agenda' || event.kind === 'status') {
        void queryClient.invalidateQueries({ queryKey: [...meetingsKey(org), 'list'] });
      }
    };
    source.addEventListener('change', onChange);
    return () => {
      source.removeEventListener('change', onChange);
      source.close();
    };
  }, [org, meetingId, queryClient]);
}
