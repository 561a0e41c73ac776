/** No pulse figure is ever shown for fewer respondents than this. */
export const MINIMUM_GROUP_SIZE = 5;

export interface GroupCount {
  key: string;
  respondents: number;
}

export interface PublishedGroups {
  /** Groups whose figures may be shown on their own. */
  visible: string[];
  /** Groups folded together into one "other teams" figure (at least the minimum), or shown nowhere. */
  combined: string[];
  /** Whether the combined groups may be shown as one figure. */
  isCombinedVisible: boolean;
  /** Whether the figure for everyone may be shown. */
  isTotalVisible: boolean;
}

/**
 * Which team figures of one survey round may be shown without isolating fewer than five people,
 * also by subtraction. The groups partition the respondents. A group under the minimum is never
 * shown alone, and it cannot be recovered as "everyone minus the shown groups": the hidden
 * groups are folded into one figure of at least the minimum, and when they are too few together,
 * the smallest shown groups are hidden as well until they are not (complementary suppression).
 * If even that is impossible, only the total is shown, when it reaches the minimum.
 */
export function publishableGroups(
  groups: readonly GroupCount[],
  minimum = MINIMUM_GROUP_SIZE,
): PublishedGroups {
  const total = groups.reduce((sum, group) => sum + group.respondents, 0);
  const isTotalVisible = total >= minimum;
  const withAnswers = groups.filter((group) => group.respondents > 0);
  if (!isTotalVisible)
    return {
      visible: [],
      combined: withAnswers.map((group) => group.key),
      isCombinedVisible: false,
      isTotalVisible: false,
    };
  const sorted = [...withAnswers].sort((a, b) => a.respondents - b.respondents || a.key.localeCompare(b.key));
  const hidden = sorted.filter((group) => group.respondents < minimum);
  let shown = sorted.filter((group) => group.respondents >= minimum);
  let hiddenCount = hidden.reduce((sum, group) => sum + group.respondents, 0);
  while (hidden.length > 0 && hiddenCount < minimum && shown.length > 0) {
    const smallest = shown[0]!;
    shown = shown.slice(1);
    hidden.push(smallest);
    hiddenCount += smallest.respondents;
  }
  // With one group left shown, the total minus it would reveal the rest: only the total remains.
  if (hidden.length > 0 && shown.length === 0) {
    return {
      visible: [],
      combined: hidden.map((group) => group.key),
      isCombinedVisible: false,
      isTotalVisible,
    };
  }
  return {
    visible: shown.map((group) => group.key).sort(),
    combined: hidden.map((group) => group.key).sort(),
    isCombinedVisible: hidden.length > 0 && hiddenCount >= minimum,
    isTotalVisible,
  };
}
