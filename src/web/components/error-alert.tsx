import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError, describeError } from '../api/client.ts';

/** A form-level or page-level error, with the request id support will ask for on server faults. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const isServerFault = error instanceof ApiError && (error.status >= 500 || error.status === 0);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={title ?? (error instanceof ApiError ? error.title : 'Something went wrong')}
      role="alert"
    >
      {describeError(error)}
      {isServerFault && error instanceof ApiError && error.requestId ? ` (request ${error.requestId})` : null}
    </Alert>
  );
}
