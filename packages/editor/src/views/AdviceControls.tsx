import { AGENCIES, AGENCY_NAMES } from "@ehcp/schema";
import { Choice } from "./Choice.js";
import type { CardControlProps } from "./CardControlProps.js";
import { DateInput } from "./DateInput.js";

interface From {
  readonly name: string;
  readonly role: string;
}

/**
 * A piece of advice in section K: its title, who gave it and from which agency, when it was asked
 * for and received, and whether it is appended to the plan.
 */
export function AdviceControls(props: CardControlProps & { disabled: boolean }) {
  const { node, updateAttributes, disabled } = props;
  const from = (node.attrs.from as From | null) ?? { name: "", role: "" };
  const date = (attr: "requested" | "received", label: string) => (
    <label>
      {label}{" "}
      <DateInput
        kind="date"
        value={(node.attrs[attr] as string | null) ?? null}
        disabled={disabled}
        onChange={(next) => updateAttributes({ [attr]: next })}
      />
    </label>
  );
  return (
    <div className="ehcp-controls ehcp-advice-controls">
      <label>
        Title{" "}
        <input
          type="text"
          value={(node.attrs.title as string | null) ?? ""}
          disabled={disabled}
          onChange={(event) => updateAttributes({ title: event.target.value })}
        />
      </label>
      <label>
        From (name){" "}
        <input
          type="text"
          value={from.name}
          disabled={disabled}
          onChange={(event) => updateAttributes({ from: { ...from, name: event.target.value } })}
        />
      </label>
      <label>
        Their role{" "}
        <input
          type="text"
          value={from.role}
          disabled={disabled}
          onChange={(event) => updateAttributes({ from: { ...from, role: event.target.value } })}
        />
      </label>
      <Choice
        label="Agency"
        value={node.attrs.agency as string}
        disabled={disabled}
        onChange={(event) => updateAttributes({ agency: event.target.value })}
      >
        {AGENCIES.map((agency) => (
          <option key={agency} value={agency}>
            {AGENCY_NAMES[agency]}
          </option>
        ))}
      </Choice>
      {date("requested", "Requested on")}
      {date("received", "Received on")}
      <label>
        <input
          type="checkbox"
          checked={node.attrs.appended === true}
          disabled={disabled}
          onChange={(event) => updateAttributes({ appended: event.target.checked })}
        />{" "}
        Appended to the plan
      </label>
    </div>
  );
}
