import { notifications } from '@mantine/notifications';
import { describeError } from '../api/client.ts';

// Mantine leaves the close button of a notification without a name; screen readers need one.
const closeButtonProps = { 'aria-label': 'Dismiss' };

/** A short confirmation that something was saved or changed. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'teal', message, closeButtonProps });
}

/** An error that has no form field to sit beside. */
export function notifyFailed(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: describeError(error), closeButtonProps });
}
