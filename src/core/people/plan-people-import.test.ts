import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parsePeopleCsv } from './people-csv.ts';
import { type ExistingPerson, planPeopleImport } from './plan-people-import.ts';

const isZone = (zone: string) => ['UTC', 'Europe/Berlin', 'America/New_York'].includes(zone);
const header = 'email,name,title,manager_email,start_date,time_zone';

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError)
      return error.fields.map((field) => `${field.line}:${field.column}:${field.message}`);
    throw error;
  }
  return [];
}

describe('parsing an org-chart CSV', () => {
  it('reads quoted fields with commas, a BOM and columns in any order', () => {
    const rows = parsePeopleCsv('\uFEFFname,email,title\n"Wei, Li",LI@X.test,"Engineer, Platform"\n');
    expect(rows).toEqual([
      {
        line: 2,
        email: 'li@x.test',
        name: 'Wei, Li',
        title: 'Engineer, Platform',
        managerEmail: null,
        startDate: null,
        timeZone: null,
      },
    ]);
  });

  it('refuses an empty file, a header without people and a missing email column', () => {
    expect(problemsOf(() => parsePeopleCsv('  \n'))).toEqual(['1:undefined:the file is empty']);
    expect(problemsOf(() => parsePeopleCsv(header))).toEqual([
      '2:undefined:the file has a header but no people',
    ]);
    expect(problemsOf(() => parsePeopleCsv('name,title\nA,B'))).toEqual([
      '1:email:required column is missing',
    ]);
  });
});

describe('planning an import', () => {
  const existing: ExistingPerson[] = [
    { email: 'ceo@x.test', name: 'Cora', title: 'CEO', managerEmail: null, startDate: null, timeZone: 'UTC' },
  ];

  it('creates new people, updates changed ones and counts the unchanged', () => {
    const rows = parsePeopleCsv(
      `${header}\nceo@x.test,Cora,CEO,,,UTC\nvp@x.test,Vik,VP,ceo@x.test,2024-02-29,Europe/Berlin\n`,
    );
    expect(planPeopleImport(rows, existing, isZone)).toMatchObject({
      creates: [{ email: 'vp@x.test' }],
      updates: [],
      unchanged: 1,
    });
    const renamed = parsePeopleCsv(`${header}\nceo@x.test,Cora,Chief Executive,,,\n`);
    expect(planPeopleImport(renamed, existing, isZone).updates).toEqual([
      {
        email: 'ceo@x.test',
        name: 'Cora',
        title: 'Chief Executive',
        managerEmail: null,
        startDate: null,
        timeZone: 'UTC',
      },
    ]);
  });

  it('lists every problem by line and column', () => {
    const rows = parsePeopleCsv(
      `${header}\nnot-an-email,,,,2023-02-29,Mars/Olympus\na@x.test,A,,a@x.test,,\n`,
    );
    expect(problemsOf(() => planPeopleImport(rows, existing, isZone))).toEqual([
      '2:email:"not-an-email" is not an email address',
      '2:name:is required',
      '2:start_date:"2023-02-29" is not a date as YYYY-MM-DD',
      '2:time_zone:"Mars/Olympus" is not an IANA time zone such as Europe/Berlin',
      '3:manager_email:a person cannot be their own manager',
    ]);
  });

  it('finds a cycle that closes through someone already in the organization', () => {
    const withManager: ExistingPerson[] = [{ ...existing[0]!, managerEmail: 'b@x.test' }];
    const rows = parsePeopleCsv(`${header}\na@x.test,A,,ceo@x.test,,\nb@x.test,B,,a@x.test,,\n`);
    expect(problemsOf(() => planPeopleImport(rows, withManager, isZone)).join()).toMatch(/cycle/);
  });

  it('accepts any generated tree and rejects it once a root is pointed at a leaf', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 2, maxLength: 40 }), (parents) => {
        // Person i reports to some earlier person: always a tree.
        const lines = parents.map(
          (parent, index) =>
            `p${index}@x.test,P${index},,${index === 0 ? '' : `p${parent % index}@x.test`},,`,
        );
        const rows = parsePeopleCsv(`${header}\n${lines.join('\n')}`);
        expect(planPeopleImport(rows, [], isZone).creates).toHaveLength(parents.length);
        const last = parents.length - 1;
        lines[0] = `p0@x.test,P0,,p${last}@x.test,,`;
        expect(
          problemsOf(() =>
            planPeopleImport(parsePeopleCsv(`${header}\n${lines.join('\n')}`), [], isZone),
          ).join(),
        ).toMatch(/cycle/);
      }),
    );
  });
});
