import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconGitMerge, IconNotes } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { isApiError } from '../../api/client.ts';
import { meetingKey, type SharedNotes, saveSharedNotes } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MarkdownView } from '../../components/markdown-view.tsx';
import { firstName, formatRelative } from '../../lib/format.ts';
import { notifyDone } from '../../lib/notify.ts';

function ConflictPanel({
  theirs,
  mine,
  onChangeMine,
  onSaveMerged,
  onKeepTheirs,
  isSaving,
}: {
  theirs: SharedNotes;
  mine: string;
  onChangeMine: (body: string) => void;
  onSaveMerged: () => void;
  onKeepTheirs: () => void;
  isSaving: boolean;
}) {
  const who = theirs.updatedByName ? firstName(theirs.updatedByName) : 'Someone';
  return (
    <Stack gap="md" role="region" aria-label="Merge the notes">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden="true" />}
        title={`${who} saved the notes while you were writing`}
      >
        Nothing is lost: your text is on the right. Bring in what you need from their version, then save the
        merged notes.
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Textarea
          label={`${who}’s version`}
          description={theirs.updatedAt ? `Saved ${formatRelative(theirs.updatedAt)}` : undefined}
          value={theirs.body}
          readOnly
          autosize
          minRows={6}
          maxRows={18}
        />
        <Textarea
          label="Your version, to merge into"
          description="Edit it until it says what both of you meant."
          value={mine}
          onChange={(event) => onChangeMine(event.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={18}
        />
      </SimpleGrid>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Button variant="default" onClick={() => onChangeMine(`${mine.trimEnd()}\n\n${theirs.body}`)}>
          Add their text below mine
        </Button>
        <Group gap="sm">
          <Button variant="subtle" color="gray" onClick={onKeepTheirs}>
            Discard mine, keep theirs
          </Button>
          <Button
            onClick={onSaveMerged}
            loading={isSaving}
            leftSection={<IconGitMerge size={16} aria-hidden="true" />}
          >
            Save merged notes
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** Notes both people read and write, in Markdown; a save never overwrites the other's words. */
export function SharedNotesCard({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const key = meetingKey(org, page.meeting.id);
  const server = page.sharedNotes;
  const [draft, setDraft] = useState(server.body);
  const [base, setBase] = useState(server.version);
  const [isDirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<SharedNotes | null>(null);
  const [mode, setMode] = useState<'write' | 'preview'>(server.body ? 'preview' : 'write');

  // Someone else's save arrives live: take it while nothing is being typed here.
  useEffect(() => {
    if (!isDirty && !conflict && server.version !== base) {
      setDraft(server.body);
      setBase(server.version);
    }
  }, [server.version, server.body, isDirty, conflict, base]);

  const save = useMutation({
    mutationFn: (input: { body: string; baseVersion: number }) =>
      saveSharedNotes(org, page.meeting.id, input.body, input.baseVersion),
    onSuccess: (saved) => {
      setBase(saved.version);
      setDirty(false);
      setConflict(null);
      queryClient.setQueryData<MeetingPage>(key, (current) =>
        current ? { ...current, sharedNotes: saved } : current,
      );
      notifyDone('Shared notes saved.');
    },
    onError: (error) => {
      if (isApiError(error, 'CONFLICT') && error.extra.current)
        setConflict(error.extra.current as SharedNotes);
    },
  });
  const isBehind = isDirty && !conflict && server.version > base;

  return (
    <Card padding="lg" component="section" aria-labelledby="notes-title">
      <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
        <Group gap={8} wrap="nowrap">
          <IconNotes size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
          <Title order={2} size="h3" id="notes-title">
            Shared notes
          </Title>
        </Group>
        {conflict ? null : (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(value) => setMode(value as 'write' | 'preview')}
            data={[
              { value: 'write', label: 'Write' },
              { value: 'preview', label: 'Preview' },
            ]}
            aria-label="Notes view"
          />
        )}
      </Group>
      {conflict ? (
        <ConflictPanel
          theirs={conflict}
          mine={draft}
          onChangeMine={(body) => {
            setDraft(body);
            setDirty(true);
          }}
          onSaveMerged={() => save.mutate({ body: draft, baseVersion: conflict.version })}
          onKeepTheirs={() => {
            setDraft(conflict.body);
            setBase(conflict.version);
            setDirty(false);
            setConflict(null);
          }}
          isSaving={save.isPending}
        />
      ) : (
        <Stack gap="sm">
          {isBehind ? (
            <Alert color="yellow" variant="light" p="xs">
              <Text fz="sm">
                {server.updatedByName ? firstName(server.updatedByName) : 'Someone'} saved a newer version.
                When you save, you can merge the two.
              </Text>
            </Alert>
          ) : null}
          {save.error && !isApiError(save.error, 'CONFLICT') ? <ErrorAlert error={save.error} /> : null}
          {mode === 'write' ? (
            <Textarea
              label="Shared notes"
              labelProps={{ className: 'tandem-sr-only' }}
              description="Both of you see these. Markdown works: # headings, - lists, **bold**, [links](https://…)."
              placeholder="What you talked about, what you decided…"
              autosize
              minRows={6}
              maxRows={24}
              value={draft}
              onChange={(event) => {
                setDraft(event.currentTarget.value);
                setDirty(true);
              }}
            />
          ) : draft.trim() ? (
            <div className="tandem-notes-preview" data-testid="notes-preview">
              <MarkdownView>{draft}</MarkdownView>
            </div>
          ) : (
            <Text fz="sm" c="dimmed">
              No shared notes yet.
            </Text>
          )}
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text fz="xs" c="dimmed">
              {isDirty
                ? 'Unsaved changes'
                : server.updatedAt
                  ? `Saved by ${server.updatedByName ? firstName(server.updatedByName) : 'someone'} ${formatRelative(server.updatedAt)}`
                  : 'Not saved yet'}
            </Text>
            <Button
              onClick={() => save.mutate({ body: draft, baseVersion: base })}
              loading={save.isPending}
              disabled={!isDirty}
            >
              Save notes
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
