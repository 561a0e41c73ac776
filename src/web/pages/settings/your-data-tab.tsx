import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { personalExportHref } from '../../api/data-rights.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

// In the words of the export itself (src/server/features/personal-data): what it holds and why
// some things are left out. Keep both lists true when the export changes.
const included = [
  'Your account: name, email address, when you signed up, and the names of your API tokens (never the tokens themselves).',
  'Your entry in the directory and your role.',
  'Every 1:1 you took part in: agenda, status updates, shared notes, next steps, and your own private notes, readable.',
  'The coaching analyses you may read: of the 1:1s you led, and those shared with you.',
  'Your goals, development plan and assessments; your Academy progress, role-plays and certificates.',
  'Your notification settings.',
];

const excluded = [
  'Your pulse answers. They are anonymous by design: Tandem stores them without who gave them, so nobody, you included, can find yours.',
  'Anyone else’s private notes: a private note belongs to its author alone.',
  'Transcripts: a transcript belongs to both people of the 1:1; open it on the 1:1’s page.',
];

function Bullets({ items }: { items: string[] }) {
  return (
    <List fz="sm" spacing={6}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

/** The server answers with a JSON attachment, so a plain link downloads it with the session cookie. */
function DownloadLink({ href, variant, children }: { href: string; variant?: 'default'; children: string }) {
  return (
    <Button
      component="a"
      href={href}
      download
      variant={variant}
      leftSection={<IconDownload size={16} aria-hidden="true" />}
    >
      {children}
    </Button>
  );
}

/** Every member: what Tandem holds about them, to download as JSON. */
export function YourDataTab() {
  const { slug, membership, session } = useCurrentOrg();
  const organizationCount = session.memberships.length;
  return (
    <SettingsSection
      title="Your data"
      description="Download everything Tandem holds about you, as a JSON file to keep, read or take elsewhere. Each download is recorded in the audit log."
    >
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            What the file contains
          </Title>
          <Bullets items={included} />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            What it leaves out
          </Title>
          <Bullets items={excluded} />
        </Stack>
        <Stack gap="xs">
          <Text fz="sm">
            {organizationCount > 1
              ? `Download your data in ${membership.name}, or in all ${organizationCount} organizations you belong to in one file.`
              : `The file holds your data in ${membership.name}, the only organization you belong to.`}
          </Text>
          <Group gap="sm">
            <DownloadLink href={personalExportHref(slug)}>Download my data</DownloadLink>
            {organizationCount > 1 ? (
              <DownloadLink href={personalExportHref(null)} variant="default">
                Download all organizations
              </DownloadLink>
            ) : null}
          </Group>
        </Stack>
      </Stack>
    </SettingsSection>
  );
}
