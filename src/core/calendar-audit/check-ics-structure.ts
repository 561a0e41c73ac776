import { AppError } from '../errors.ts';

/** The code of an unreadable calendar file: 422, naming the line. */
export const INVALID_CALENDAR_CODE = 'INVALID_CALENDAR' as const;

const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[^:]*)?:/;

/** Throws a 422 naming the first line that is not an iCalendar content line or breaks BEGIN/END nesting. */
export function checkIcsStructure(text: string): void {
  const open: Array<{ name: string; line: number }> = [];
  let sawCalendar = false;
  unfold(text).forEach(({ text: raw, line: lineNumber }) => {
    if (!CONTENT_LINE.test(raw)) fail(lineNumber, 'is not a "NAME:value" line of an iCalendar file');
    const [, keyword, name] = /^(BEGIN|END):(.*)$/i.exec(raw.trim()) ?? [];
    if (!keyword || !name) {
      if (open.length === 0) fail(lineNumber, 'is outside BEGIN:VCALENDAR … END:VCALENDAR');
      return;
    }
    const component = name.toUpperCase();
    if (keyword.toUpperCase() === 'BEGIN') {
      if (open.length === 0 && component !== 'VCALENDAR')
        fail(lineNumber, 'must be BEGIN:VCALENDAR: the file is not an iCalendar (.ics) file');
      if (component === 'VCALENDAR') sawCalendar = true;
      open.push({ name: component, line: lineNumber });
      return;
    }
    const last = open.pop();
    if (!last) fail(lineNumber, `ends ${component}, which was never begun`);
    else if (last.name !== component)
      fail(lineNumber, `ends ${component}, but ${last.name} begun on line ${last.line} is still open`);
  });
  const unclosed = open.at(-1);
  if (unclosed) fail(unclosed.line, `begins ${unclosed.name}, which never ends: the file is cut short`);
  if (!sawCalendar) fail(1, 'holds no BEGIN:VCALENDAR: the file is not an iCalendar (.ics) file');
}

// A line starting with a space or tab continues the one before (RFC 5545 folding); each
// unfolded line keeps the number of the physical line it starts on.
function unfold(text: string): Array<{ text: string; line: number }> {
  const unfolded: Array<{ text: string; line: number }> = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const last = unfolded.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') unfolded.push({ text: raw, line: index + 1 });
  });
  return unfolded;
}

/** The 422 every unreadable calendar answers with, naming the line when it is known. */
export function invalidCalendar(message: string, line?: number, cause?: unknown): AppError {
  return new AppError(INVALID_CALENDAR_CODE, message, {
    fields: [{ path: 'calendar', message, ...(line === undefined ? {} : { line }) }],
    cause,
  });
}

function fail(line: number, problem: string): never {
  throw invalidCalendar(`Line ${line} ${problem}.`, line);
}
