/** The columns the people import reads, in order. */
export const importColumns = [
  { name: 'email', isRequired: true, description: 'Work email; it identifies the person on later imports.' },
  { name: 'name', isRequired: true, description: 'Full name.' },
  { name: 'title', isRequired: false, description: 'Job title.' },
  {
    name: 'manager_email',
    isRequired: false,
    description: 'Email of their manager, who must be in the file or already in Tandem. Empty at the top.',
  },
  { name: 'start_date', isRequired: false, description: 'First day, as YYYY-MM-DD.' },
  { name: 'time_zone', isRequired: false, description: 'IANA name such as Europe/Berlin; UTC when empty.' },
] as const;

const people: [string, string, string, string, string, string][] = [
  [
    'maya.okafor@northwind.example',
    'Maya Okafor',
    'Chief Operating Officer',
    '',
    '2019-03-04',
    'America/New_York',
  ],
  [
    'daniel.reyes@northwind.example',
    'Daniel Reyes',
    'VP Customer Success',
    'maya.okafor@northwind.example',
    '2020-06-15',
    'America/Chicago',
  ],
  [
    'priya.natarajan@northwind.example',
    'Priya Natarajan',
    'VP Operations',
    'maya.okafor@northwind.example',
    '2019-11-01',
    'Europe/London',
  ],
  [
    'tom.becker@northwind.example',
    'Tom Becker',
    'Head of Support',
    'daniel.reyes@northwind.example',
    '2021-02-08',
    'Europe/Berlin',
  ],
  [
    'lena.fischer@northwind.example',
    'Lena Fischer',
    'Support Team Lead',
    'tom.becker@northwind.example',
    '2022-04-19',
    'Europe/Berlin',
  ],
  [
    'omar.haddad@northwind.example',
    'Omar Haddad',
    'Support Specialist',
    'lena.fischer@northwind.example',
    '2023-09-11',
    'Europe/Berlin',
  ],
  [
    'grace.kim@northwind.example',
    'Grace Kim',
    'Customer Success Manager',
    'daniel.reyes@northwind.example',
    '2022-01-10',
    'America/Los_Angeles',
  ],
  [
    'jonas.lind@northwind.example',
    'Jonas Lind',
    'Customer Success Manager',
    'daniel.reyes@northwind.example',
    '2023-03-27',
    'Europe/Stockholm',
  ],
  [
    'aisha.bello@northwind.example',
    'Aisha Bello',
    'Operations Manager',
    'priya.natarajan@northwind.example',
    '2021-07-05',
    'Europe/London',
  ],
  [
    'carlos.mendes@northwind.example',
    'Carlos Mendes',
    'Logistics Coordinator',
    'aisha.bello@northwind.example',
    '2024-01-15',
    'Europe/Lisbon',
  ],
  [
    'hana.sato@northwind.example',
    'Hana Sato',
    'Supply Planner',
    'aisha.bello@northwind.example',
    '2023-06-01',
    'Asia/Tokyo',
  ],
  [
    'ben.walker@northwind.example',
    'Ben Walker',
    'Procurement Lead',
    'priya.natarajan@northwind.example',
    '2022-10-03',
    'Australia/Sydney',
  ],
];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A small, realistic org chart in the import format: a COO, two VPs and their teams. */
export function sampleCsv(): string {
  const header = importColumns.map((c) => c.name).join(',');
  const rows = people.map((row) => row.map(csvCell).join(','));
  return `${[header, ...rows].join('\n')}\n`;
}
