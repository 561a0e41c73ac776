import { describe, expect, it } from 'vitest';
import { classifyEvent, organizationDomainsOf } from './classify-event.ts';

const me = 'margaret@northwind.example';
const context = { selfEmails: [me], organizationDomains: ['northwind.example'] };
const person = (local: string, domain = 'northwind.example') => ({
  email: `${local}@${domain}`,
  name: local,
});

function classify(title: string, attendees: Array<{ email: string; name?: string }> = [], hours = 1) {
  const start = new Date('2026-10-12T08:00:00Z');
  return classifyEvent(
    { title, start, end: new Date(start.getTime() + hours * 3_600_000), attendees },
    context,
  );
}

describe('classifyEvent', () => {
  it.each([['1:1 Anna / Margaret'], ['Margaret <> Anna 1-on-1'], ['One on one: Anna'], ['Sync with Anna']])(
    'calls “%s” with three people a one-on-one by its title',
    (title) => {
      const result = classify(title, [person('margaret'), person('anna'), person('assistant')]);
      expect(result.eventClass).toBe('one-on-one');
      expect(result.rule).toMatch(/^The title says/);
    },
  );

  it('calls any meeting of exactly two people a one-on-one and names the other person', () => {
    expect(classify('Anna / Margaret', [{ email: me, name: 'Margaret' }, person('anna')])).toEqual({
      eventClass: 'one-on-one',
      rule: 'Two people: you and anna',
    });
  });

  it('calls a meeting that is one of the owner’s Tandem 1:1s a one-on-one whatever its title', () => {
    const result = classifyEvent(
      { title: 'Catch-up', start: new Date(), end: new Date(), attendees: [] },
      { ...context, matchedMeeting: { withName: 'Anna Schmidt' } },
    );
    expect(result).toEqual({
      eventClass: 'one-on-one',
      rule: 'Matches your Tandem 1:1 with Anna Schmidt at the same time',
    });
  });

  it.each([['Ops standup'], ['Weekly status'], ['Team sync'], ['Weekly ops'], ['Review of numbers']])(
    'calls “%s” with a team a status meeting',
    (title) => {
      expect(classify(title, [person('margaret'), person('a'), person('b')]).eventClass).toBe('status');
    },
  );

  it.each([
    ['Q1 planning'],
    ['Roadmap review'],
    ['OKR setting'],
    ['Leadership offsite'],
    ['QBR prep'],
    ['Sprint retro'],
  ])('calls “%s” a strategy meeting', (title) => {
    expect(classify(title, [person('margaret'), person('a'), person('b')]).eventClass).toBe('strategy');
  });

  it('calls a meeting with someone from another domain external, naming the domain', () => {
    expect(classify('Globex renewal', [person('margaret'), person('sam', 'globex.example')])).toEqual({
      eventClass: 'external',
      rule: 'Attendees from outside the organization (globex.example)',
    });
  });

  it('calls focus time and a long named block with no one else focus, and a short untitled hold other', () => {
    expect(classify('Focus time').eventClass).toBe('focus');
    expect(classify('Deep work: memo', [{ email: me }]).eventClass).toBe('focus');
    expect(classify('Thinking time', [], 2).rule).toBe(
      'A block of 2 h with no one else invited, named “Thinking time”',
    );
    expect(classify('Thinking time', [], 1).eventClass).toBe('other');
    expect(classify('Lunch').eventClass).toBe('other');
  });

  it('does not call a focus-named meeting with others focus', () => {
    expect(classify('Focus group results', [person('margaret'), person('a'), person('b')]).eventClass).toBe(
      'other',
    );
  });
});

describe('organizationDomainsOf', () => {
  it('takes each domain of the organization’s people once, lower-cased', () => {
    expect(
      organizationDomainsOf(['a@Northwind.example', 'b@northwind.example', 'c@labs.northwind.example']),
    ).toEqual(['labs.northwind.example', 'northwind.example']);
  });
});

describe('classifyEvent on sync titles', () => {
  it('calls “sync with the team” a status meeting, not a 1:1', () => {
    expect(classify('Sync with the team', [person('margaret'), person('a'), person('b')]).eventClass).toBe(
      'status',
    );
  });
});
