import { describe, expect, test } from 'vitest';
import { parseClockTimestamp, parseCueTimestamp, readLeadingTimestamp } from './timestamps.ts';

describe('parseCueTimestamp', () => {
  test('reads WebVTT hours, minutes, seconds and milliseconds', () => {
    expect(parseCueTimestamp('01:02:03.450')).toBe(3723.45);
  });

  test('reads the short WebVTT form without hours', () => {
    expect(parseCueTimestamp('02:03.450')).toBe(123.45);
  });

  test('reads SRT timestamps, which use a comma before the milliseconds', () => {
    expect(parseCueTimestamp('00:00:04,000')).toBe(4);
  });

  test('accepts the seven fraction digits some Teams exports write', () => {
    expect(parseCueTimestamp('00:00:03.1200000')).toBe(3.12);
  });

  test.each(['00:00:6x.000', '00:00:61.000', '00:60:00.000', '0:0:1.000', '', '00:00:01.', 'next week'])(
    'rejects the malformed timestamp %j',
    (text) => {
      expect(parseCueTimestamp(text)).toBeNull();
    },
  );
});

describe('parseClockTimestamp', () => {
  test.each([
    ['1:02', 62],
    ['01:02', 62],
    ['00:01:02', 62],
    ['1:02:03', 3723],
    ['75:10', 4510],
    ['0:05.5', 5.5],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseClockTimestamp(text)).toBe(seconds);
  });

  test.each(['1:2', '00:61', '1:60:00', 'Dana', '12', '1:02 pm'])('does not read %j as a time', (text) => {
    expect(parseClockTimestamp(text)).toBeNull();
  });
});

describe('readLeadingTimestamp', () => {
  test('returns the stamp and the rest of the line', () => {
    expect(readLeadingTimestamp('[01:02:03] Dana: Hi')).toEqual({ seconds: 3723, rest: 'Dana: Hi' });
  });

  test('finds no stamp in a line that starts with a word', () => {
    expect(readLeadingTimestamp('Dana: [00:01:00] Hi')).toBeNull();
  });
});
