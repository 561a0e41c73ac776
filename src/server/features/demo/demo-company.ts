/**
 * The demo organization: Harbor & Pine, a 70-person B2B logistics-software company. A COO, four
 * leaders (VPs), twelve managers and their reports, with names and titles that read like a real
 * org chart. Deterministic, so every demo looks the same and tests can rely on it.
 */
export interface DemoPerson {
  key: string;
  name: string;
  title: string;
  managerKey: string | null;
  timeZone: string;
  startDate: string;
  /** Demo people who can sign in (listed in the README). */
  hasAccount?: boolean;
}

export const DEMO_ORG = {
  name: 'Harbor & Pine',
  slug: 'harbor-and-pine',
  emailDomain: 'harborpine.example',
} as const;

export function demoEmail(name: string): string {
  return `${name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@${DEMO_ORG.emailDomain}`;
}

interface Team {
  manager: [name: string, title: string];
  zone: string;
  reports: Array<[name: string, title: string]>;
}

interface Division {
  leader: [name: string, title: string];
  zone: string;
  teams: Team[];
}

const executive: [string, string] = ['Margaret Chen', 'Chief Operating Officer'];

const divisions: Division[] = [
  {
    leader: ['Daniel Okafor', 'VP Engineering'],
    zone: 'Europe/London',
    teams: [
      {
        manager: ['Priya Raman', 'Engineering Manager, Platform'],
        zone: 'Europe/London',
        reports: [
          ['Tomás Herrera', 'Senior Software Engineer'],
          ['Hannah Becker', 'Software Engineer'],
          ['Kwame Mensah', 'Site Reliability Engineer'],
          ['Lena Fischer', 'Software Engineer'],
        ],
      },
      {
        manager: ['Marcus Webb', 'Engineering Manager, Routing'],
        zone: 'America/New_York',
        reports: [
          ['Aisha Karimi', 'Senior Software Engineer'],
          ['Jonah Feld', 'Software Engineer'],
          ['Sofia Marino', 'Data Engineer'],
          ['Ethan Brooks', 'Software Engineer'],
        ],
      },
      {
        manager: ['Yuki Tanaka', 'Engineering Manager, Mobile'],
        zone: 'Europe/Berlin',
        reports: [
          ['Mateo Silva', 'Mobile Engineer'],
          ['Grace Liu', 'Senior Mobile Engineer'],
          ['Omar Haddad', 'QA Engineer'],
          ['Nora Lindqvist', 'Product Designer'],
        ],
      },
    ],
  },
  {
    leader: ['Rachel Alvarez', 'VP Operations'],
    zone: 'America/Chicago',
    teams: [
      {
        manager: ['Samuel Osei', 'Warehouse Operations Manager'],
        zone: 'America/Chicago',
        reports: [
          ['Carmen Ortiz', 'Shift Lead'],
          ['Derek Walsh', 'Inventory Analyst'],
          ['Fatima Zahra', 'Shift Lead'],
          ['Ivan Petrov', 'Operations Coordinator'],
        ],
      },
      {
        manager: ['Beatriz Costa', 'Fleet Manager'],
        zone: 'America/Chicago',
        reports: [
          ['Luis Moreno', 'Dispatch Lead'],
          ['Tamika Johnson', 'Fleet Analyst'],
          ['Pavel Novak', 'Maintenance Planner'],
          ['Chloe Martin', 'Dispatcher'],
        ],
      },
      {
        manager: ['Wei Zhang', 'Supply Chain Manager'],
        zone: 'Asia/Singapore',
        reports: [
          ['Arjun Mehta', 'Procurement Specialist'],
          ['Mei Lin', 'Supply Planner'],
          ['Rafael Gomez', 'Logistics Analyst'],
          ['Siobhan Kelly', 'Vendor Manager'],
        ],
      },
    ],
  },
  {
    leader: ['Jamal Wright', 'VP Customer Success'],
    zone: 'America/New_York',
    teams: [
      {
        manager: ['Elena Popescu', 'Customer Success Manager, Enterprise'],
        zone: 'Europe/Bucharest',
        reports: [
          ['Noah Fischer', 'Account Manager'],
          ['Ama Boateng', 'Customer Success Associate'],
          ['Lucas Dubois', 'Implementation Consultant'],
          ['Zara Ahmed', 'Account Manager'],
        ],
      },
      {
        manager: ['Ben Carter', 'Support Manager'],
        zone: 'America/New_York',
        reports: [
          ['Olivia Grant', 'Support Team Lead'],
          ['Diego Ramírez', 'Support Specialist'],
          ['Ingrid Hansen', 'Support Specialist'],
          ['Tyrone Mitchell', 'Technical Support Engineer'],
        ],
      },
      {
        manager: ['Sara Nilsson', 'Onboarding Manager'],
        zone: 'Europe/Stockholm',
        reports: [
          ['Kenji Watanabe', 'Onboarding Specialist'],
          ['Leila Nasser', 'Training Lead'],
          ['Patrick Doyle', 'Onboarding Specialist'],
        ],
      },
    ],
  },
  {
    leader: ['Claire Dubois', 'VP Sales'],
    zone: 'Europe/Paris',
    teams: [
      {
        manager: ['Hugo Lambert', 'Sales Manager, EMEA'],
        zone: 'Europe/Paris',
        reports: [
          ['Anika Schulz', 'Account Executive'],
          ['Rohan Kapoor', 'Account Executive'],
          ['Julia Rossi', 'Sales Development Representative'],
          ['Felix Wagner', 'Sales Engineer'],
        ],
      },
      {
        manager: ['Nicole Adams', 'Sales Manager, North America'],
        zone: 'America/Denver',
        reports: [
          ['Chris Nguyen', 'Account Executive'],
          ['Maya Patel', 'Account Executive'],
          ['Jordan Hayes', 'Sales Development Representative'],
          ['Victor Santos', 'Sales Engineer'],
        ],
      },
      {
        manager: ['Amir Hosseini', 'Revenue Operations Manager'],
        zone: 'America/Los_Angeles',
        reports: [
          ['Emily Clarke', 'Revenue Analyst'],
          ['Samir Haddad', 'CRM Administrator'],
          ['Lauren Kim', 'Deal Desk Specialist'],
        ],
      },
    ],
  },
];

/** The people with accounts, by role in the story (listed in the README). */
export const DEMO_ACCOUNTS = {
  executive: 'Margaret Chen',
  leader: 'Daniel Okafor',
  manager: 'Priya Raman',
  report: 'Tomás Herrera',
} as const;

// Start dates spread over the last years, deterministic from the person's position.
function startDate(index: number): string {
  const year = 2016 + (index % 9);
  const month = 1 + ((index * 5) % 12);
  const day = 1 + ((index * 7) % 27);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  const add = (
    name: string,
    title: string,
    managerKey: string | null,
    timeZone: string,
    hasAccount: boolean,
  ) => {
    people.push({
      key: demoEmail(name),
      name,
      title,
      managerKey,
      timeZone,
      startDate: startDate(people.length),
      hasAccount,
    });
  };
  add(executive[0], executive[1], null, 'America/New_York', true);
  for (const division of divisions) {
    add(division.leader[0], division.leader[1], demoEmail(executive[0]), division.zone, true);
    for (const team of division.teams) {
      add(team.manager[0], team.manager[1], demoEmail(division.leader[0]), team.zone, true);
      team.reports.forEach(([name, title], position) => {
        add(name, title, demoEmail(team.manager[0]), team.zone, position === 0);
      });
    }
  }
  return people;
}
