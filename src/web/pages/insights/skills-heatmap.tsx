import { Box, Group, Stack, Text } from '@mantine/core';
import type { DashboardView } from '../../../contracts/insights.ts';
import { ratingLabels } from '../../lib/growth-labels.ts';

type Skills = DashboardView['skills'];

const levels = [1, 2, 3, 4] as const;

/**
 * People down, the twelve skills across, each cell the latest level (1–4) as a number on a shade:
 * a real table, so a screen reader announces the person and the skill of every cell.
 */
export function SkillsHeatmap({ skills }: { skills: Skills }) {
  if (skills.people.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No one in this tree has a skills assessment yet. Levels appear here once a manager or the person rates
        the twelve skills on their Growth page.
      </Text>
    );
  return (
    <Stack gap="xs">
      <Group
        gap="md"
        component="ul"
        style={{ rowGap: 4 }}
        className="tandem-chart-legend"
        aria-label="Levels"
      >
        {levels.map((level) => (
          <Group key={level} gap={6} component="li" wrap="nowrap">
            <Box component="span" className="tandem-heatmap-key" data-level={level}>
              {level}
            </Box>
            <Text fz="xs">{ratingLabels[level]}</Text>
          </Group>
        ))}
      </Group>
      <Box className="tandem-heatmap-scroll" tabIndex={0} role="region" aria-label="Skills heatmap">
        <table className="tandem-heatmap tandem-tabular">
          <caption className="tandem-visually-hidden">
            The latest level of each person in each of the twelve skills, 1 Beginning to 4 Role model; a dash
            where the skill is not rated.
          </caption>
          <thead>
            <tr>
              <td />
              {skills.skills.map((skill) => (
                <th key={skill.id} scope="col" title={skill.name}>
                  <span>{skill.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {skills.people.map((row) => (
              <tr key={row.person.id}>
                <th scope="row">
                  {row.person.name}
                  {row.source === 'self' ? (
                    <Text component="span" fz="xs" c="dimmed">
                      {' '}
                      (self-rated)
                    </Text>
                  ) : null}
                </th>
                {row.levels.map((level, index) => (
                  <td
                    key={skills.skills[index]?.id ?? index}
                    data-level={level ?? 'none'}
                    title={level === null ? 'Not rated' : ratingLabels[level]}
                  >
                    {level ?? '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Stack>
  );
}
