import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

/** Turns a contract's fragment ("must be an email address") into a sentence for a form field. */
export function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/**
 * Validates form values with a contract's zod schema and returns Mantine form errors keyed by
 * field, so the browser shows the same rules the server enforces, before a round trip.
 */
export function zodValidate<Schema extends z.ZodType>(schema: Schema) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      if (!(key in errors)) errors[key] = sentence(issue.message);
    }
    return errors;
  };
}

interface ErrorTarget {
  setFieldError: (path: string, message: string) => void;
}

/**
 * Shows the API's invalid fields (paths like `body.email`) next to the matching inputs.
 * `renames` maps API field names to form field names where they differ. Returns true when at
 * least one field error was placed, so the caller knows whether a general alert is still needed.
 */
export function showFieldErrors(
  form: ErrorTarget,
  error: unknown,
  knownFields: readonly string[],
  renames: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  for (const field of error.fields) {
    const bare = field.path.replace(/^(body|query|params)\./, '');
    const name = renames[bare] ?? bare;
    if (knownFields.includes(name)) {
      form.setFieldError(name, sentence(field.message));
      placed = true;
    }
  }
  return placed;
}
