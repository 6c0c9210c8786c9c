import type { Plan } from "@ehcp/schema";
import { type FormEvent, useEffect, useState } from "react";
import { DateField } from "./DateField.js";
import { ErrorSummary, type FieldError } from "./ErrorSummary.js";
import { partsOf, readDateParts } from "./readDateParts.js";

/** The plan details a caseworker changes from the summary list, by the id of each one's field. */
export const DETAIL_FIELDS = [
  "detail-full-name",
  "detail-preferred-name",
  "detail-birth",
  "detail-pronouns",
  "detail-year-group",
  "detail-caseworker",
  "detail-caseworker-email",
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

const TEXT_FIELDS: readonly {
  id: Exclude<DetailField, "detail-birth">;
  label: string;
  hint?: string;
  width?: string;
}[] = [
  { id: "detail-full-name", label: "Child or young person's full name" },
  { id: "detail-preferred-name", label: "Name they are known by", width: "govuk-input--width-20" },
  {
    id: "detail-pronouns",
    label: "Pronouns",
    hint: "For example, she/her",
    width: "govuk-input--width-10",
  },
  {
    id: "detail-year-group",
    label: "Year group",
    hint: "For example, Year 4 or Reception",
    width: "govuk-input--width-10",
  },
  { id: "detail-caseworker", label: "Caseworker" },
  { id: "detail-caseworker-email", label: "Caseworker's email address" },
];

/**
 * The plan details as a form, reached from a summary list's "Change" link with its field
 * focused: the child's names, date of birth, pronouns and year group, and the caseworker.
 */
export function PlanDetailsForm({
  plan,
  today,
  focus,
  onSave,
  onCancel,
}: {
  readonly plan: Plan;
  readonly today: string;
  readonly focus: DetailField;
  readonly onSave: (details: Pick<Plan["meta"], "child" | "caseworker">) => void;
  readonly onCancel: () => void;
}) {
  const { child, caseworker } = plan.meta;
  const [values, setValues] = useState<Record<Exclude<DetailField, "detail-birth">, string>>({
    "detail-full-name": child.fullName,
    "detail-preferred-name": child.preferredName,
    "detail-pronouns": child.pronouns,
    "detail-year-group": child.yearGroup,
    "detail-caseworker": caseworker.name,
    "detail-caseworker-email": caseworker.email,
  });
  const [birth, setBirth] = useState(() => partsOf(child.dateOfBirth));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  useEffect(() => {
    document.getElementById(focus === "detail-birth" ? "detail-birth-day" : focus)?.focus();
  }, [focus]);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message ?? null;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const born = readDateParts(birth, "the date of birth", today);
    const email = values["detail-caseworker-email"].trim();
    const found = [
      ...(values["detail-full-name"].trim()
        ? []
        : [{ field: "detail-full-name", message: "Enter the child or young person's full name" }]),
      ...("problem" in born ? [{ field: "detail-birth-day", message: born.problem }] : []),
      ...(email && !/^[^\s@]+@[^\s@]+$/.test(email)
        ? [
            {
              field: "detail-caseworker-email",
              message: "Enter an email address in the correct format, like name@example.com",
            },
          ]
        : []),
    ];
    setErrors(found);
    if (found.length > 0 || !("date" in born)) return;
    const text = (field: Exclude<DetailField, "detail-birth">) => values[field].trim();
    onSave({
      child: {
        fullName: text("detail-full-name"),
        preferredName: text("detail-preferred-name"),
        dateOfBirth: born.date,
        pronouns: text("detail-pronouns"),
        yearGroup: text("detail-year-group"),
      },
      caseworker: { name: text("detail-caseworker"), email },
    });
  };
  const field = (spec: (typeof TEXT_FIELDS)[number]) => {
    const error = errorOf(spec.id);
    const describedBy = [spec.hint ? `${spec.id}-hint` : "", error ? `${spec.id}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return (
      <div key={spec.id} className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={spec.id}>
          {spec.label}
        </label>
        {spec.hint ? (
          <div className="govuk-hint" id={`${spec.id}-hint`}>
            {spec.hint}
          </div>
        ) : null}
        {error ? (
          <p className="govuk-error-message" id={`${spec.id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input
          id={spec.id}
          className={`govuk-input${spec.width ? ` ${spec.width}` : ""}${error ? " govuk-input--error" : ""}`}
          value={values[spec.id]}
          {...(describedBy ? { "aria-describedby": describedBy } : {})}
          {...(spec.id === "detail-caseworker-email"
            ? { type: "email", autoComplete: "off", spellCheck: false }
            : {})}
          onChange={(e) => setValues({ ...values, [spec.id]: e.target.value })}
        />
      </div>
    );
  };
  const [first, second, ...rest] = TEXT_FIELDS;
  return (
    <form
      noValidate
      onSubmit={save}
      aria-labelledby="details-form-heading"
      className="pg-details-form"
    >
      <h3 id="details-form-heading" className="govuk-heading-s">
        Change the plan details
      </h3>
      <ErrorSummary id="details-errors" heading="h4" errors={errors} />
      {first ? field(first) : null}
      {second ? field(second) : null}
      <DateField
        id="detail-birth"
        legend="Date of birth"
        hint="For example, 14 3 2017."
        error={errorOf("detail-birth-day")}
        value={birth}
        onChange={setBirth}
      />
      {rest.map(field)}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          Save the plan details
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
