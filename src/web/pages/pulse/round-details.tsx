import { Badge, Card, Group, List, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { PulseRound } from '../../api/pulse.ts';
import { plural } from '../../lib/format.ts';
import { formatEnps, formatRate, formatSafety } from './pulse-figures.ts';

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Card padding="md">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text fz="xs" c="dimmed">
        {note}
      </Text>
    </Card>
  );
}

/** The figures of one round that may be shown: headline numbers, each statement, team cuts and free text. */
export function RoundDetails({ round, minimumGroupSize }: { round: PulseRound; minimumGroupSize: number }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure
          label="Psychological safety"
          value={round.safety ? `${formatSafety(round.safety.score)} / 7` : '—'}
          note="Mean of seven statements, higher is safer"
        />
        <Figure
          label="eNPS"
          value={round.enps === null ? '—' : formatEnps(round.enps)}
          note="Promoters minus detractors, −100 to +100"
        />
        <Figure
          label="Response rate"
          value={formatRate(round.responseRate)}
          note={
            round.invited === null
              ? `${plural(round.respondents ?? 0, 'answer')} from this team`
              : `${round.respondents} of ${round.invited} answered`
          }
        />
      </SimpleGrid>
      {round.safety ? (
        <Card padding="lg">
          <Title order={3} size="h4" mb="sm">
            Each statement
          </Title>
          <Text fz="sm" c="dimmed" mb="md">
            Means from 1 to 7. Negatively worded statements are turned round, so a higher figure is always
            safer.
          </Text>
          <Stack gap="sm">
            {round.safety.items.map((item) => (
              <div key={item.id}>
                <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                  <Text fz="sm">
                    {item.text}
                    {item.isReversed ? (
                      <Badge color="gray" ml="xs" size="sm">
                        reversed
                      </Badge>
                    ) : null}
                  </Text>
                  <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatSafety(item.mean)} / 7
                  </Text>
                </Group>
                <Progress value={((item.mean - 1) / 6) * 100} size="sm" mt={4} aria-hidden="true" />
              </div>
            ))}
          </Stack>
        </Card>
      ) : null}
      {round.groups.length > 0 || round.otherTeams ? (
        <Card padding="lg">
          <Title order={3} size="h4" mb="xs">
            By team
          </Title>
          <Text fz="sm" c="dimmed" mb="md">
            A team appears on its own only with {minimumGroupSize} or more answers, and only when what is left
            beside it also has {minimumGroupSize}; smaller teams are counted together.
          </Text>
          <Table.ScrollContainer
            minWidth={340}
            type="native"
            tabIndex={0}
            role="region"
            aria-label="Teams table"
          >
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Answers</Table.Th>
                  <Table.Th scope="col">Safety</Table.Th>
                  <Table.Th scope="col">eNPS</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {round.groups.map((group) => (
                  <Table.Tr key={group.key}>
                    <Table.Th scope="row" fw={500}>
                      {group.name}
                    </Table.Th>
                    <Table.Td>{group.respondents}</Table.Td>
                    <Table.Td>{group.safetyScore === null ? '—' : formatSafety(group.safetyScore)}</Table.Td>
                    <Table.Td>{group.enps === null ? '—' : formatEnps(group.enps)}</Table.Td>
                  </Table.Tr>
                ))}
                {round.otherTeams ? (
                  <Table.Tr>
                    <Table.Th scope="row" fw={500}>
                      Other teams ({round.otherTeams.groupCount} together)
                    </Table.Th>
                    <Table.Td>{round.otherTeams.respondents}</Table.Td>
                    <Table.Td>
                      {round.otherTeams.safetyScore === null
                        ? '—'
                        : formatSafety(round.otherTeams.safetyScore)}
                    </Table.Td>
                    <Table.Td>
                      {round.otherTeams.enps === null ? '—' : formatEnps(round.otherTeams.enps)}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
      {round.custom.length > 0 ? (
        <Card padding="lg">
          <Title order={3} size="h4" mb="sm">
            Your own questions
          </Title>
          <Stack gap="md">
            {round.custom.map((question) => (
              <div key={question.id}>
                <Text fz="sm" fw={600}>
                  {question.text}
                </Text>
                {question.kind === 'scale' ? (
                  <Text fz="sm">Mean {question.mean === null ? '—' : question.mean.toFixed(1)} on 1–5</Text>
                ) : (
                  <List size="sm">
                    {question.options.map((option) => (
                      <List.Item key={option.label}>
                        {option.label}: {option.count}
                      </List.Item>
                    ))}
                  </List>
                )}
              </div>
            ))}
          </Stack>
        </Card>
      ) : null}
      {round.freeText.map((question) => (
        <Card key={question.questionId} padding="lg">
          <Title order={3} size="h4" mb="xs">
            {question.text}
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            In random order, so the order says nothing about who wrote what.
          </Text>
          {question.answers.length === 0 ? (
            <Text fz="sm" c="dimmed">
              Nobody wrote anything.
            </Text>
          ) : (
            <Stack gap="xs" component="ul" className="tandem-pulse-list">
              {question.answers
                .map((text, position) => ({ id: `${question.questionId}-${position}`, text }))
                .map((answer) => (
                  <Text key={answer.id} component="li" fz="sm" className="tandem-pulse-quote">
                    {answer.text}
                  </Text>
                ))}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
