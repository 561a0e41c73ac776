import { AppError } from '../errors.ts';

/**
 * A 1:1 ends with action: closing it needs at least one next step with an owner and a due date,
 * or an explicit reason why there is none.
 */
export function assertCanClose(
  steps: ReadonlyArray<{ ownerId: string | null; dueDate: string | null; status: string }>,
  noNextStepsReason?: string,
): void {
  const actionable = steps.some(
    (step) => step.status !== 'dropped' && step.ownerId !== null && step.dueDate !== null,
  );
  if (actionable || (noNextStepsReason && noNextStepsReason.trim().length >= 3)) return;
  throw new AppError(
    'VALIDATION_FAILED',
    'Add at least one next step with an owner and a due date, or say why there is none.',
    {
      fields: [
        {
          path: 'body.noNextStepsReason',
          message: 'is required when no next step has an owner and a due date',
        },
      ],
    },
  );
}
