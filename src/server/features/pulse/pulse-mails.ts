import { formatMeetingTime } from '../notifications/reminder-mails.ts';

export interface PulseInvitationInput {
  recipientName: string;
  recipientZone: string;
  organizationName: string;
  teamLeadName: string;
  surveyTitle: string;
  closesAt: Date;
  questionCount: number;
  includesSafety: boolean;
  includesEnps: boolean;
  link: string;
}

/**
 * The mail that opens a round for one person. It carries their personal answer link and nothing
 * of anyone's answers, so it is filed under the organization like an invitation.
 */
export function pulseInvitationMail(input: PulseInvitationInput): { subject: string; text: string } {
  const until = formatMeetingTime(input.closesAt, input.recipientZone);
  const lines = [
    `Hello ${input.recipientName},`,
    '',
    `${input.teamLeadName}'s team pulse "${input.surveyTitle}" is open until ${until}.`,
    `It is ${input.questionCount} short question${input.questionCount === 1 ? '' : 's'}, a few minutes${topicsOf(input)}.`,
    '',
    'Your answers are anonymous. They are stored without your name or account, results are shown only once the round has closed and only for groups of five or more, and nobody, admins included, can read one person’s answers.',
    '',
    'Answer here; the link is yours alone, so please do not forward it:',
    input.link,
    '',
    `You can also answer in Tandem, in ${input.organizationName}, under Pulse.`,
  ];
  return {
    subject: `Team pulse: ${input.surveyTitle} (open until ${formatMeetingTime(input.closesAt, input.recipientZone, true)})`,
    text: `${lines.join('\n')}\n`,
  };
}

function topicsOf(input: PulseInvitationInput): string {
  const topics = [
    ...(input.includesSafety
      ? ['how safe it feels to speak up, ask for help and take a risk on the team']
      : []),
    ...(input.includesEnps ? ['whether you would recommend it as a place to work'] : []),
  ];
  return topics.length === 0 ? '' : `: ${topics.join(', and ')}`;
}
