import {
  Alert,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconDownload,
  IconFileSearch,
  IconFileUpload,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PeopleImportResult } from '../../../contracts/people.ts';
import { ApiError, type ApiFieldError } from '../../api/client.ts';
import { orgKey } from '../../api/organizations.ts';
import { importPeople } from '../../api/people.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { plural } from '../../lib/format.ts';
import { importColumns, sampleCsv } from '../../lib/sample-csv.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

function downloadSample() {
  const url = URL.createObjectURL(new Blob([sampleCsv()], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'tandem-people-sample.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ResultSummary({ result }: { result: PeopleImportResult }) {
  const parts = [`${result.created} new`, `${result.updated} updated`, `${result.unchanged} unchanged`];
  return (
    <Text fz="sm">
      {plural(result.rows, 'row')}: {parts.join(', ')}.
    </Text>
  );
}

function RowErrors({ fields }: { fields: ApiFieldError[] }) {
  const sorted = [...fields].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {plural(fields.length, 'problem')} to fix in the file
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" withTableBorder striped aria-label="Problems by row and column">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Line</Table.Th>
              <Table.Th w={160}>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((field, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several problems in one column
              <Table.Tr key={`${field.path}-${index}`}>
                <Table.Td className="tandem-tabular">{field.line ?? '—'}</Table.Td>
                <Table.Td>{field.column ? <Code>{field.column}</Code> : '—'}</Table.Td>
                <Table.Td fz="sm">{field.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function ImportTab() {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [checkedCsv, setCheckedCsv] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (text: string) => importPeople(slug, text, true),
    onSuccess: (_, text) => setCheckedCsv(text),
  });
  const run = useMutation({
    mutationFn: (text: string) => importPeople(slug, text, false),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKey(slug) });
    },
  });
  const isChecked = checkedCsv !== null && checkedCsv === csv && check.isSuccess;
  const failure = run.error ?? check.error;
  const rowErrors = failure instanceof ApiError && failure.code === 'INVALID_CSV' ? failure.fields : [];

  const changeCsv = (text: string) => {
    setCsv(text);
    check.reset();
    run.reset();
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    changeCsv(await file.text());
  };

  return (
    <Stack gap="md">
      <SettingsSection
        title="The file"
        description="One row per person. Importing again updates people by email, so you can keep your HR export as the source."
      >
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={440}>
            <Table verticalSpacing={6} fz="sm" aria-label="Columns of the CSV file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>Column</Table.Th>
                  <Table.Th>What goes in it</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {importColumns.map((column) => (
                  <Table.Tr key={column.name}>
                    <Table.Td>
                      <Code>{column.name}</Code>
                      {column.isRequired ? (
                        <Text span fz="xs" c="dimmed">
                          {' '}
                          required
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{column.description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
              onClick={downloadSample}
            >
              Download a sample CSV
            </Button>
          </Group>
        </Stack>
      </SettingsSection>

      <SettingsSection
        title="Import"
        description="Check the file first: nothing changes until you import, and every problem is listed by line and column."
      >
        <Stack gap="md">
          <Group gap="sm" wrap="wrap">
            <FileButton onChange={(file) => void readFile(file)} accept=".csv,text/csv">
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  leftSection={<IconFileUpload size={16} aria-hidden="true" />}
                >
                  Choose a CSV file
                </Button>
              )}
            </FileButton>
            <Button variant="subtle" onClick={() => changeCsv(sampleCsv())}>
              Use the sample
            </Button>
            {fileName ? (
              <Text fz="sm" c="dimmed">
                {fileName}
              </Text>
            ) : null}
          </Group>
          <Textarea
            label="CSV content"
            description="Choose a file, or paste rows copied from a spreadsheet saved as CSV."
            autosize
            minRows={5}
            maxRows={14}
            value={csv}
            onChange={(event) => changeCsv(event.currentTarget.value)}
            styles={{
              input: {
                fontFamily: 'var(--mantine-font-family-monospace)',
                fontSize: 13,
                whiteSpace: 'pre',
                overflowX: 'auto',
              },
            }}
            wrap="off"
            spellCheck={false}
          />
          <Group gap="sm">
            <Button
              variant={isChecked ? 'default' : 'filled'}
              leftSection={<IconFileSearch size={16} aria-hidden="true" />}
              disabled={!csv.trim()}
              loading={check.isPending}
              onClick={() => check.mutate(csv)}
            >
              Check first
            </Button>
            <Button
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              disabled={!isChecked || run.isSuccess}
              loading={run.isPending}
              onClick={() => run.mutate(csv)}
            >
              {check.data ? `Import ${plural(check.data.rows, 'person', 'people')}` : 'Import'}
            </Button>
          </Group>

          <div aria-live="polite">
            {run.isSuccess ? (
              <Alert
                color="teal"
                variant="light"
                icon={<IconCircleCheck size={18} aria-hidden="true" />}
                title="Imported"
              >
                <Stack gap="xs">
                  <ResultSummary result={run.data} />
                  <List size="sm" spacing={2}>
                    <List.Item>
                      <AnchorLink to="/o/$org/org-chart" params={{ org: slug }} fz="sm">
                        See the org chart
                      </AnchorLink>
                    </List.Item>
                    <List.Item>
                      <AnchorLink
                        to="/o/$org/settings/$tab"
                        params={{ org: slug, tab: 'invitations' }}
                        fz="sm"
                      >
                        Invite your leaders
                      </AnchorLink>
                    </List.Item>
                  </List>
                </Stack>
              </Alert>
            ) : isChecked && check.data ? (
              <Alert
                color="tandem"
                variant="light"
                icon={<IconCircleCheck size={18} aria-hidden="true" />}
                title="The file is ready"
              >
                <ResultSummary result={check.data} />
              </Alert>
            ) : null}
            {failure && rowErrors.length === 0 ? <ErrorAlert error={failure} /> : null}
            {rowErrors.length > 0 && failure instanceof ApiError ? (
              <Stack gap="sm">
                <Text fz="sm" c="var(--mantine-color-error)" fw={500} role="alert">
                  {failure.detail}
                </Text>
                <RowErrors fields={rowErrors} />
              </Stack>
            ) : null}
          </div>
        </Stack>
      </SettingsSection>
    </Stack>
  );
}
