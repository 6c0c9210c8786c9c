import {
  AREA_NAMES,
  type ItemSource,
  spokenDate,
  FREQUENCY_PERIODS,
  NEED_AREAS,
  type NeedsSectionKey,
  PERIOD_NAMES,
  PFA_AREAS,
  PFA_NAMES,
  type SectionKey,
} from "@ehcp/schema";
import type { NodeViewProps } from "@tiptap/react";
import { useId, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { SECTION_KEY_OF } from "../model/sections.js";
import { findingsFrom } from "../plugins/itemFindings.js";
import { labelFrom } from "../plugins/itemLabels.js";
import { PLAN_SHORTCUTS } from "../kit/PlanKit.js";
import { readableShortcut } from "../readableShortcut.js";
import { AdviceControls } from "./AdviceControls.js";
import { Choice } from "./Choice.js";
import type { CardControlProps } from "./CardControlProps.js";
import { BudgetItemControls } from "./BudgetItemControls.js";
import { CardFindings } from "./CardFindings.js";
import { type Duration, DurationControl } from "./DurationControl.js";
import { DateInput } from "./DateInput.js";
import { editableSignal } from "./editableSignal.js";
import { labelsById } from "./labelsById.js";
import { ViewControls } from "./ViewControls.js";

interface Frequency {
  sessions: number;
  per: (typeof FREQUENCY_PERIODS)[number];
  minutes: number;
}

/**
 * Links from this item to others of one kind, as chips that can be removed, and a picker to add
 * one. The picker lists the plan's items when it is opened, so it is never stale.
 */
function Links(
  props: CardControlProps & {
    attr: string;
    kind: string;
    heading: string;
    pick: string;
    disabled: boolean;
  },
) {
  const { node, editor, updateAttributes, attr, kind, heading, pick, disabled } = props;
  const [, refresh] = useState(0);
  const id = useId();
  const linked = (node.attrs[attr] as string[] | null) ?? [];
  const items = labelsById(editor.state.doc);
  const choices = [...items.values()].filter((i) => i.type === kind && !linked.includes(i.id));
  return (
    <div className="ehcp-links" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="ehcp-links-label">
        {heading}
      </span>
      <ul className="ehcp-chips">
        {linked.map((target) => {
          const item = items.get(target);
          const name = item ? `${item.label} ${item.title}` : `${target} (not in this plan)`;
          return (
            <li key={target} className="ehcp-chip">
              <span>{name}</span>
              <button
                type="button"
                disabled={disabled}
                aria-label={`Unlink ${item?.label ?? target}`}
                onClick={() => updateAttributes({ [attr]: linked.filter((l) => l !== target) })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <Choice
        hidden
        className="ehcp-picker"
        label={pick}
        value=""
        disabled={disabled}
        onFocus={() => refresh((n) => n + 1)}
        onChange={(event) => {
          if (event.target.value) updateAttributes({ [attr]: [...linked, event.target.value] });
        }}
      >
        <option value="">{pick}…</option>
        {choices.map((item) => (
          <option key={item.id} value={item.id}>
            {item.label} {item.title}
          </option>
        ))}
      </Choice>
    </div>
  );
}

function NeedControls(props: CardControlProps & { section: SectionKey; disabled: boolean }) {
  const { node, updateAttributes, section, disabled } = props;
  const advice = (
    <Links
      {...props}
      attr="adviceIds"
      kind="advice"
      heading="Advice it rests on"
      pick="Link a piece of advice"
      disabled={disabled}
    />
  );
  const areas = NEED_AREAS[section as NeedsSectionKey] ?? NEED_AREAS.B;
  return (
    <div className="ehcp-controls">
      <Choice
        label="Area of need"
        value={node.attrs.area as string}
        disabled={disabled}
        onChange={(event) => updateAttributes({ area: event.target.value })}
      >
        {areas.map((area) => (
          <option key={area} value={area}>
            {AREA_NAMES[area]}
          </option>
        ))}
      </Choice>
      {advice}
    </div>
  );
}

function OutcomeControls(props: CardControlProps & { disabled: boolean }) {
  const { node, updateAttributes, disabled } = props;
  return (
    <div className="ehcp-controls">
      <label>
        By when{" "}
        <DateInput
          kind="month"
          value={(node.attrs.byWhen as string | null)?.slice(0, 7) ?? null}
          disabled={disabled}
          onChange={(next) => updateAttributes({ byWhen: next })}
        />
      </label>
      <Choice
        label="Preparing for adulthood"
        value={(node.attrs.pfa as string | null) ?? ""}
        disabled={disabled}
        onChange={(event) => updateAttributes({ pfa: event.target.value || null })}
      >
        <option value="">Not set</option>
        {PFA_AREAS.map((area) => (
          <option key={area} value={area}>
            {PFA_NAMES[area]}
          </option>
        ))}
      </Choice>
      <label>
        Outcomes framework statement{" "}
        <input
          type="text"
          value={(node.attrs.frameworkRef as string | null) ?? ""}
          disabled={disabled}
          onChange={(event) => updateAttributes({ frameworkRef: event.target.value || null })}
        />
      </label>
      <Links
        {...props}
        attr="needIds"
        kind="need"
        heading="Needs it meets"
        pick="Link a need"
        disabled={disabled}
      />
    </div>
  );
}

function ProvisionControls(props: CardControlProps & { disabled: boolean }) {
  const { node, updateAttributes, disabled } = props;
  const frequency = node.attrs.frequency as Frequency | null;
  const setFrequency = (change: Partial<Frequency>) => {
    const next = { sessions: 1, per: "week" as const, minutes: 30, ...frequency, ...change };
    const valid =
      next.sessions >= 1 && next.sessions <= 1000 && next.minutes >= 1 && next.minutes <= 1440;
    updateAttributes({ frequency: valid ? next : null });
  };
  return (
    <div className="ehcp-controls">
      <label>
        Ratio{" "}
        <input
          type="text"
          placeholder="1:1"
          value={(node.attrs.ratio as string | null) ?? ""}
          disabled={disabled}
          onChange={(event) =>
            updateAttributes({ ratio: event.target.value.slice(0, 100) || null })
          }
        />
      </label>
      <fieldset className="ehcp-frequency" disabled={disabled}>
        <legend>How often</legend>
        <label>
          <span className="ehcp-visually-hidden">Sessions</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={frequency?.sessions ?? ""}
            onChange={(event) => setFrequency({ sessions: Number(event.target.value) })}
          />
        </label>
        <span aria-hidden="true"> × </span>
        <label>
          <input
            type="number"
            min={1}
            max={1440}
            value={frequency?.minutes ?? ""}
            onChange={(event) => setFrequency({ minutes: Number(event.target.value) })}
          />{" "}
          min
        </label>{" "}
        <Choice
          label="per"
          value={frequency?.per ?? "week"}
          onChange={(event) => setFrequency({ per: event.target.value as Frequency["per"] })}
        >
          {FREQUENCY_PERIODS.map((period) => (
            <option key={period} value={period}>
              {PERIOD_NAMES[period]}
            </option>
          ))}
        </Choice>
      </fieldset>
      <label>
        Hours a week{" "}
        <input
          type="number"
          min={0}
          max={168}
          step="0.25"
          value={(node.attrs.hoursPerWeek as number | null) ?? ""}
          disabled={disabled}
          onChange={(event) => {
            const value = event.target.value === "" ? null : Number(event.target.value);
            if (value === null || (value >= 0 && value <= 168)) {
              updateAttributes({ hoursPerWeek: value });
            }
          }}
        />
      </label>
      <DurationControl
        value={node.attrs.duration as Duration | null}
        disabled={disabled}
        onChange={(duration) => updateAttributes({ duration })}
      />
      <Links
        {...props}
        attr="outcomeIds"
        kind="outcome"
        heading="Outcomes it serves"
        pick="Link an outcome"
        disabled={disabled}
      />
    </div>
  );
}

/** What the React part of a card is given by its node view (see `ItemCardView`). */
export interface ItemCardProps extends CardControlProps {
  readonly decorations: NodeViewProps["decorations"];
  readonly getPos: NodeViewProps["getPos"];
  /** Where the outcome's "Add a step" button goes, after the card's text. */
  readonly addHost: HTMLElement;
}

/**
 * The React part of the card of a need, an outcome or a provision: its findings, its values as
 * form controls, and an outcome's "Add a step" button. The card's heading and its fields as
 * editable text are the node view's own DOM, there before this is mounted.
 */
export function ItemCard(props: ItemCardProps) {
  const { node, editor, decorations, getPos, addHost } = props;
  const label = labelFrom(decorations) ?? "";
  const pos = typeof getPos === "function" ? getPos() : undefined;
  const sectionName =
    pos === undefined ? "" : (editor.state.doc.resolve(pos).node(1)?.type.name ?? "");
  const section = SECTION_KEY_OF[sectionName] ?? "B";
  const { role, policy, itemSource } = editor.storage.plan;
  const source = (node.attrs.source as ItemSource | null | undefined) ?? null;
  const editable = useSyncExternalStore(editableSignal(editor).subscribe, () => editor.isEditable);
  const disabled = !editable || !policy[role].includes(section);
  return (
    <>
      <div contentEditable={false}>
        <CardFindings editor={editor} findings={findingsFrom(decorations)} />
      </div>
      {source ? (
        <div contentEditable={false} className="ehcp-item-source">
          {itemSource ? (
            itemSource({ id: node.attrs.id as string, source })
          ) : (
            <p>
              From advice, version {source.version}, recommendation {source.recommendationId}, added{" "}
              {spokenDate(source.liftedOn)}
            </p>
          )}
        </div>
      ) : null}
      <div contentEditable={false} className="ehcp-item-values">
        {node.type.name === "need" ? (
          <NeedControls {...props} section={section} disabled={disabled} />
        ) : node.type.name === "outcome" ? (
          <OutcomeControls {...props} disabled={disabled} />
        ) : node.type.name === "provision" ? (
          <ProvisionControls {...props} disabled={disabled} />
        ) : node.type.name === "view" ? (
          <ViewControls {...props} disabled={disabled} />
        ) : node.type.name === "advice" ? (
          <AdviceControls {...props} disabled={disabled} />
        ) : node.type.name === "budgetItem" ? (
          <BudgetItemControls {...props} disabled={disabled} />
        ) : null}
      </div>
      {node.type.name === "outcome"
        ? createPortal(
            <button
              type="button"
              disabled={disabled}
              aria-keyshortcuts={PLAN_SHORTCUTS.addStep.replace(/-/g, "+")}
              onClick={() => {
                editor.commands.addStep(node.attrs.id as string);
                editor.view.focus();
              }}
            >
              Add a step towards {label || "this outcome"}{" "}
              <span className="ehcp-shortcut">({readableShortcut(PLAN_SHORTCUTS.addStep)})</span>
            </button>,
            addHost,
          )
        : null}
    </>
  );
}
