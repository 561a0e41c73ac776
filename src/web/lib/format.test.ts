import { describe, expect, it } from 'vitest';
import {
  firstName,
  formatCalendarDate,
  formatRelative,
  initials,
  localTimeIn,
  plural,
  slugify,
} from './format.ts';

describe('formatting for people', () => {
  it('shows a start date on the day it was entered, whatever the reader’s time zone', () => {
    expect(formatCalendarDate('2024-01-01')).toContain('2024');
    expect(formatCalendarDate('2024-01-01')).toMatch(/Jan|1/);
    expect(formatCalendarDate('not a date')).toBe('not a date');
  });

  it('says how long ago something happened in words', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(formatRelative('2025-03-07T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelative('2025-03-10T11:59:40Z', now)).toBe('just now');
    expect(formatRelative('2025-03-24T12:00:00Z', now)).toBe('in 2 weeks');
  });

  it('tells the local time in a person’s time zone, and nothing for an unknown zone', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(localTimeIn('Asia/Tokyo', now)).toMatch(/21[:.]00|09[:.]00/);
    expect(localTimeIn('Mars/Olympus', now)).toBeNull();
  });

  it('makes initials and first names from full names', () => {
    expect(initials('Maya Okafor')).toBe('MO');
    expect(initials('Liam Patrick O’Brien')).toBe('LO');
    expect(initials('Cher')).toBe('C');
    expect(initials('  ')).toBe('?');
    expect(firstName('Maya Okafor')).toBe('Maya');
  });

  it('derives a web address from an organization name', () => {
    expect(slugify('Northwind Traders, Inc.')).toBe('northwind-traders-inc');
    expect(slugify('Café Zürich')).toBe('cafe-zurich');
    expect(slugify('---')).toBe('');
  });

  it('counts in words with the right plural', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(12, 'person', 'people')).toBe('12 people');
    expect(plural(0, 'row')).toBe('0 rows');
  });
});
