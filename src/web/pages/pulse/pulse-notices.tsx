import { Alert } from '@mantine/core';
import { IconCircleCheck, IconClockOff } from '@tabler/icons-react';

export function AnsweredNotice() {
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck size={18} aria-hidden="true" />}
      title="You have already answered this round"
    >
      Each person answers once, in the app or through the mailed link. Thank you for taking part.
    </Alert>
  );
}

export function ClosedNotice() {
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconClockOff size={18} aria-hidden="true" />}
      title="This round has closed"
    >
      Answers are no longer taken for this round. If the pulse repeats, a new link arrives when the next round
      opens.
    </Alert>
  );
}
