import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconAlertCircle, IconFileText, IconShieldLock, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Analysis, analysisKey, type TranscriptInput, uploadTranscript } from '../../../api/analysis.ts';
import { type ApiError, isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { sentence } from '../../../lib/forms.ts';
import { fileToBase64 } from '../../../lib/transcript-file.ts';

function TranscriptProblems({ error }: { error: ApiError }) {
  const lines = error.fields.filter((field) => field.line !== undefined);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={error.title}
      role="alert"
    >
      {lines.length <= 1 ? <Text fz="sm">{error.detail}</Text> : null}
      {lines.length > 1 ? (
        <List fz="sm" mt="xs" spacing={2}>
          {lines.map((field) => (
            <List.Item key={`${field.line}-${field.message}`}>
              <b>Line {field.line}</b>: {sentence(field.message)}
            </List.Item>
          ))}
        </List>
      ) : null}
      <Text fz="xs" c="dimmed" mt="xs">
        Nothing was stored. Fix the file and upload it again.
      </Text>
    </Alert>
  );
}

/** Takes a meeting's transcript as a file or pasted text, with both participants' consent. */
export function TranscriptUpload({
  org,
  meetingId,
  onDone,
}: {
  org: string;
  meetingId: string;
  onDone?: (analysis: Analysis) => void;
}) {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; consent?: string }>({});
  const mutation = useMutation({
    mutationFn: async () => {
      const input: TranscriptInput =
        source === 'file' && file
          ? { base64: await fileToBase64(file), fileName: file.name, consent: true }
          : { text, consent: true };
      return uploadTranscript(org, meetingId, input);
    },
    onSuccess: (analysis) => {
      queryClient.setQueryData(analysisKey(org, meetingId), analysis);
      setFile(null);
      setText('');
      setConsent(false);
      onDone?.(analysis);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (source === 'file' && !file) found.file = 'Choose the transcript file';
    if (source === 'paste' && !text.trim()) found.file = 'Paste the transcript';
    if (!consent) found.consent = 'Both of you must agree before a recording is analysed';
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  const error = mutation.error;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <SegmentedControl
            value={source}
            onChange={(value) => setSource(value as 'file' | 'paste')}
            data={[
              { value: 'file', label: 'Upload a file' },
              { value: 'paste', label: 'Paste text' },
            ]}
            aria-label="Transcript source"
          />
          <Group gap={6} wrap="nowrap">
            <IconShieldLock size={16} aria-hidden="true" color="var(--mantine-color-dimmed)" />
            <Text fz="xs" c="dimmed">
              Analysed on this server. No text leaves it.
            </Text>
          </Group>
        </Group>
        {source === 'file' ? (
          <FileInput
            label="Transcript file"
            description="WebVTT from Zoom, Teams or Meet (.vtt), subtitles (.srt), or plain “Name: text” lines (.txt)."
            placeholder="Choose a .vtt, .srt or .txt file"
            accept=".vtt,.srt,.txt,text/vtt,text/plain,application/x-subrip"
            leftSection={<IconFileText size={16} aria-hidden="true" />}
            clearable
            value={file}
            onChange={setFile}
            error={errors.file}
          />
        ) : (
          <Textarea
            label="Transcript"
            description="One line per turn: “Name: what they said”. A WebVTT or SRT text works too."
            placeholder={
              'Priya: What would make this week a good one for you?\nTomás: Getting the rota settled…'
            }
            autosize
            minRows={6}
            maxRows={16}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors.file}
          />
        )}
        <Checkbox
          label="Both of us agreed to this recording being analysed"
          description="Tandem stores the consent with the transcript. Either of you can delete the transcript later."
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          error={errors.consent}
          required
        />
        {isApiError(error) &&
        (error.code === 'INVALID_TRANSCRIPT' || error.fields.some((field) => field.line !== undefined)) ? (
          <TranscriptProblems error={error} />
        ) : (
          <ErrorAlert error={error} />
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconSparkles size={16} aria-hidden="true" />}
          >
            Analyse transcript
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
