import { AppError } from '../../../core/errors.ts';

/**
 * Which transcript speaker is the leader: the one named by the uploader, else the speaker whose
 * name matches the leader's (full name, or first name as Zoom and Meet often show it), else
 * undefined so the analyser picks the one who asks the most questions and says so.
 */
export function pickLeaderSpeaker(
  speakers: readonly string[],
  named: string | undefined,
  leaderName: string,
): string | undefined {
  if (named !== undefined) {
    if (!speakers.includes(named)) {
      throw new AppError('VALIDATION_FAILED', `"${named}" does not speak in this transcript.`, {
        fields: [{ path: 'body.leaderSpeaker', message: `must be one of: ${speakers.join(', ')}` }],
      });
    }
    return named;
  }
  const normalize = (name: string) =>
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim();
  const full = normalize(leaderName);
  const first = full.split(/\s+/)[0] ?? full;
  return (
    speakers.find((speaker) => normalize(speaker) === full) ??
    speakers.find((speaker) => normalize(speaker).split(/\s+/)[0] === first)
  );
}
