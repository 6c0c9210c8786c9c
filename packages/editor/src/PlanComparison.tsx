import {
  CHANGE_KIND_NAMES as KIND,
  type ItemChange,
  SECTION_KEYS,
  SECTION_TITLES,
} from "@ehcp/schema";

const FIELD: Record<string, string> = {
  deliveredBy: "who delivers it",
  expertise: "with what expertise",
  what: "what it is",
  frequency: "how often",
  duration: "how long",
  hoursPerWeek: "hours a week",
  ratio: "ratio",
  outcomeIds: "outcomes it serves",
  needIds: "needs",
  adviceIds: "advice",
  title: "title",
  description: "description",
  statement: "statement",
  byWhen: "by when",
  pfa: "preparing-for-adulthood area",
  frameworkRef: "outcomes framework statement",
  area: "area of need",
  text: "text",
  content: "words",
};

/** What changed between two versions of a plan, section by section, in words. */
export function PlanComparison({
  changes,
  caption = "Changes",
}: {
  readonly changes: readonly ItemChange[];
  readonly caption?: string;
}) {
  if (changes.length === 0) return <p>No changes.</p>;
  return (
    <section className="ehcp-comparison" aria-label={caption}>
      {SECTION_KEYS.filter((key) => changes.some((c) => c.section === key)).map((key) => (
        <section key={key} aria-labelledby={`ehcp-compare-${key}`}>
          <h3 id={`ehcp-compare-${key}`}>
            Section {key}: {SECTION_TITLES[key]}
          </h3>
          <ul>
            {changes
              .filter((c) => c.section === key)
              .map((change) => (
                <li key={`${change.change}-${change.id}`} data-change={change.change}>
                  <strong>
                    {KIND[change.kind]} {change.label} {change.change}
                  </strong>
                  {change.fields.length > 0 ? (
                    <ul>
                      {change.fields.map((field) => (
                        <li key={field.field}>
                          {FIELD[field.field] ?? field.field}:{" "}
                          <del>{field.before || "(nothing)"}</del> →{" "}
                          <ins>{field.after || "(nothing)"}</ins>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
