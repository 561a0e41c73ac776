import {
  Button,
  FileButton,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  type CalendarAuditInput,
  type CalendarAuditResult,
  calendarAuditsKey,
  importCalendarAudit,
} from '../../api/calendar-audits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { defaultAuditPeriod } from './calendar-labels.ts';

type Source = 'file' | 'feed';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function timeZoneOptions(): string[] {
  try {
    // The list leaves out aliases such as UTC, which a browser may still report as its own zone.
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(browserTimeZone) ? zones : [browserTimeZone, ...zones];
  } catch {
    return [browserTimeZone];
  }
}

interface CalendarImportFormProps {
  org: string;
  onImported: (result: CalendarAuditResult) => void;
}

/** An .ics file or a feed address, the period and the zone the weeks are read in. */
export function CalendarImportForm({ org, onImported }: CalendarImportFormProps) {
  const queryClient = useQueryClient();
  const initial = useMemo(() => defaultAuditPeriod(), []);
  const zones = useMemo(timeZoneOptions, []);
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [missing, setMissing] = useState<string | null>(null);

  const submit = useMutation({
    mutationFn: async () => {
      const input: CalendarAuditInput =
        source === 'file' && file ? { text: await file.text(), sourceName: file.name } : { url: url.trim() };
      return importCalendarAudit(org, { ...input, from: from || undefined, to: to || undefined, timeZone });
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: calendarAuditsKey(org) });
      setFile(null);
      setUrl('');
      onImported(result);
    },
  });

  const send = () => {
    if (source === 'file' && !file) return setMissing('Choose an .ics file first.');
    if (source === 'feed' && url.trim() === '')
      return setMissing('Paste the address of your calendar feed first.');
    setMissing(null);
    submit.mutate();
  };

  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      aria-label="Import a calendar"
    >
      <SegmentedControl
        value={source}
        onChange={(value) => setSource(value as Source)}
        data={[
          { value: 'file', label: 'An .ics file' },
          { value: 'feed', label: 'A feed address' },
        ]}
        w="fit-content"
        aria-label="Where the calendar comes from"
      />
      {source === 'file' ? (
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={setFile} accept=".ics,text/calendar">
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconFileUpload size={16} aria-hidden="true" />}
              >
                Choose an .ics file
              </Button>
            )}
          </FileButton>
          <Text fz="sm" c={file ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
            {file
              ? file.name
              : 'Export it from Google Calendar (Settings → Import & export) or Outlook (Save calendar).'}
          </Text>
        </Group>
      ) : (
        <TextInput
          label="Calendar feed address"
          description="The secret iCal address of your Google or Outlook calendar (https)."
          placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          type="url"
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          label="From"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          label="To (included)"
          type="date"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
        <Select
          label="Time zone"
          searchable
          allowDeselect={false}
          data={zones}
          value={timeZone}
          onChange={(value) => value && setTimeZone(value)}
        />
      </SimpleGrid>
      {missing ? (
        <Text fz="sm" c="red" role="alert">
          {missing}
        </Text>
      ) : null}
      <ErrorAlert error={submit.error} />
      <Group>
        <Button type="submit" loading={submit.isPending}>
          Audit this calendar
        </Button>
        <Text fz="xs" c="dimmed">
          Declined, cancelled and all-day events are left out. Only you can see this audit and its events.
        </Text>
      </Group>
    </Stack>
  );
}
