import {
  Button,
  Card,
  EmptyState,
  Group,
  type RenderTreeNodePayload,
  Select,
  Skeleton,
  Stack,
  Text,
  Tree,
  useTree,
} from '@mantine/core';
import { IconChevronRight, IconHierarchy2, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { orgChartQuery } from '../api/people.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../components/links.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PersonAvatar } from '../components/person-avatar.tsx';
import { plural } from '../lib/format.ts';
import { buildOrgTree, managersOf, type OrgTree, type OrgTreeNode } from '../lib/org-tree.ts';
import { useCurrentOrg } from '../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/org-chart')({ component: OrgChartPage });

// Mantine's tree only expands or collapses the nodes its state already names, so every
// state set here names them all.
function expansion(tree: OrgTree, isOpen: (id: string) => boolean): Record<string, boolean> {
  const state: Record<string, boolean> = {};
  for (const id of tree.byId.keys()) state[id] = isOpen(id);
  return state;
}

function OrgChartPage() {
  const { slug, canManage } = useCurrentOrg();
  const { focus } = Route.useSearch();
  const navigate = useNavigate();
  const chart = useQuery(orgChartQuery(slug));
  const tree = useMemo(() => (chart.data ? buildOrgTree(chart.data) : null), [chart.data]);
  const controller = useTree();
  const treeRef = useRef<HTMLUListElement>(null);
  const jumpTarget = useRef<string | null>(null);
  const options = useMemo(
    () =>
      chart.data?.nodes
        .map((n) => ({ value: n.id, label: n.title ? `${n.name} · ${n.title}` : n.name }))
        .sort((a, b) => a.label.localeCompare(b.label)) ?? [],
    [chart.data],
  );

  // Open the top of the organization (the roots and their direct reports) when data arrives,
  // and only then: later renders must keep whatever the reader opened or closed.
  const initialisedFor = useRef<typeof tree>(null);
  useEffect(() => {
    if (!tree || initialisedFor.current === tree) return;
    initialisedFor.current = tree;
    const roots = new Set(tree.data.map((root) => root.value));
    controller.setExpandedState(expansion(tree, (id) => roots.has(id)));
  });

  const jumpTo = useCallback(
    (personId: string) => {
      if (!tree) return;
      // One state update: separate expand() calls would each start from the same old state.
      const opened = { ...controller.expandedState };
      for (const managerId of managersOf(personId, tree.byId)) opened[managerId] = true;
      controller.setExpandedState(opened);
      controller.setSelectedState([personId]);
      jumpTarget.current = personId;
    },
    [tree, controller],
  );

  // A link from a profile (?focus=id) opens the chart at that person, once per arrival.
  const jumpToLatest = useRef(jumpTo);
  jumpToLatest.current = jumpTo;
  useEffect(() => {
    if (focus && tree) jumpToLatest.current(focus);
  }, [focus, tree]);

  // After the ancestors have expanded and rendered, bring the person into view and focus them.
  useEffect(() => {
    const target = jumpTarget.current;
    if (!target || !treeRef.current) return;
    const element = treeRef.current.querySelector<HTMLElement>(`li[data-value="${CSS.escape(target)}"]`);
    if (!element) return;
    jumpTarget.current = null;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.setAttribute('data-focus-ring', 'true');
    element.focus({ preventScroll: true });
  });

  const onTreeKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'Enter') return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('li[role=treeitem]');
    const personId = item?.dataset.value;
    if (!personId) return;
    event.preventDefault();
    void navigate({ to: '/o/$org/people/$personId', params: { org: slug, personId } });
  };

  const renderNode = ({ node, expanded, hasChildren, elementProps, selected }: RenderTreeNodePayload) => {
    const { person, teamSize } = (node as OrgTreeNode).nodeProps;
    return (
      <Group gap="sm" wrap="nowrap" {...elementProps} data-selected={selected || undefined}>
        <span className="tandem-chevron" data-expanded={expanded || undefined} aria-hidden="true">
          {hasChildren ? <IconChevronRight size={16} /> : null}
        </span>
        <PersonAvatar name={person.name} seed={person.id} size={28} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <AnchorLink
            to="/o/$org/people/$personId"
            params={{ org: slug, personId: person.id }}
            tabIndex={-1}
            onClick={(event) => event.stopPropagation()}
            fz="sm"
            fw={600}
            c="var(--mantine-color-text)"
            className="tandem-chart-name"
          >
            {person.name}
          </AnchorLink>
          <Text fz="xs" c="dimmed" truncate>
            {person.title || 'No title'}
          </Text>
        </div>
        {hasChildren ? (
          <Text fz="xs" c="dimmed" className="tandem-tabular" style={{ flexShrink: 0 }} visibleFrom="xs">
            {plural(person.directReportCount, 'direct report')}
            {teamSize > person.directReportCount ? ` · ${teamSize} in team` : ''}
          </Text>
        ) : null}
      </Group>
    );
  };

  const isEmpty = chart.isSuccess && chart.data.nodes.length === 0;

  return (
    <>
      <PageHeader
        title="Org chart"
        description={
          tree && chart.data
            ? `${plural(chart.data.nodes.length, 'person', 'people')}, ${plural(tree.depth, 'level')} deep. Click a row to open or close a team; click a name for the profile.`
            : 'Who reports to whom, from the top of the organization down.'
        }
      />
      <ErrorAlert error={chart.error} />
      {chart.isPending ? (
        <Stack gap="xs">
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} h={44} ml={(i % 3) * 24} />
          ))}
        </Stack>
      ) : null}
      {isEmpty ? (
        <Card padding="xl">
          <EmptyState
            icon={<IconHierarchy2 size={28} stroke={1.6} aria-hidden="true" />}
            variant="light"
            title="No reporting lines yet"
            description={
              canManage
                ? 'Import a CSV with a manager_email column and Tandem draws the chart from it.'
                : 'The chart appears once an admin imports your organization.'
            }
          >
            {canManage ? (
              <EmptyState.Actions>
                <ButtonLink to="/o/$org/settings/$tab" params={{ org: slug, tab: 'import' }}>
                  Import your org chart
                </ButtonLink>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        </Card>
      ) : null}
      {tree && !isEmpty ? (
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Select
              label="Find a person"
              labelProps={{ className: 'tandem-sr-only' }}
              placeholder="Jump to a person"
              data={options}
              searchable
              clearable
              value={null}
              onChange={(value) => value && jumpTo(value)}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              nothingFoundMessage="Nobody by that name"
              w={{ base: '100%', xs: 340 }}
              limit={50}
            />
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => controller.setExpandedState(expansion(tree, () => true))}
              >
                Expand all
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => controller.setExpandedState(expansion(tree, () => false))}
              >
                Collapse all
              </Button>
            </Group>
          </Group>
          <Card padding="xs">
            <Text id="org-chart-help" className="tandem-sr-only">
              Arrow keys move through the chart; right and left open and close a team; Enter opens a profile.
            </Text>
            <Tree
              ref={treeRef}
              data={tree.data}
              tree={controller}
              renderNode={renderNode}
              levelOffset={28}
              withLines
              aria-label="Org chart"
              aria-describedby="org-chart-help"
              onKeyDown={onTreeKeyDown}
              className="tandem-tree"
            />
          </Card>
        </Stack>
      ) : null}
    </>
  );
}
