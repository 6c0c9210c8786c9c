/** Words about a date, as a red tag when it has passed, so lateness is seen as well as read. */
export function LateTag({
  late,
  children,
}: {
  readonly late: boolean;
  readonly children: string | null;
}) {
  return late ? <strong className="govuk-tag govuk-tag--red">{children}</strong> : children;
}
