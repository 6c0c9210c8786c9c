import {
  type ItemSource,
  DEFAULT_SECTION_POLICY,
  type NeedsSectionKey,
  type ProvisionSectionKey,
  type Role,
  type SectionKey,
  type SectionPolicy,
} from "@ehcp/schema";
import { Extension } from "@tiptap/core";
import type { ReactNode } from "react";
import { addAdvice } from "../commands/addAdvice.js";
import { addBudgetItem } from "../commands/addBudgetItem.js";
import { addNeed } from "../commands/addNeed.js";
import { addOutcome } from "../commands/addOutcome.js";
import { addProvision } from "../commands/addProvision.js";
import { addStep } from "../commands/addStep.js";
import { addView } from "../commands/addView.js";
import { moveItem } from "../commands/moveItem.js";
import { selectField } from "../commands/selectField.js";
import { setLink } from "../commands/setLink.js";
import { cardAtSelection } from "../plugins/cardAtSelection.js";
import { findingHighlight } from "../plugins/findingHighlight.js";
import { findingUnderlines } from "../plugins/findingUnderlines.js";
import { itemFindings } from "../plugins/itemFindings.js";
import { itemLabels } from "../plugins/itemLabels.js";
import { tabThroughPlan } from "../plugins/tabThroughPlan.js";
import { focusNew } from "../views/focusNew.js";
import { openCardFindings } from "../views/openCardFindings.js";
import { lightCardSelection } from "../plugins/lightCardSelection.js";
import { realCards } from "../plugins/realCards.js";
import { roleGuard } from "../plugins/roleGuard.js";
import { uniqueItemIds } from "../plugins/uniqueItemIds.js";

export interface PlanKitOptions {
  /** The signed-in writer's role: sections it may not change are read-only. */
  readonly role: Role;
  readonly policy: SectionPolicy;
  /**
   * Headings for sections in place of the statutory ones, for a document in the plan's blocks
   * that is not a plan (a piece of advice: `ADVICE_SECTIONS`).
   */
  readonly sectionTitles?: Readonly<Partial<Record<SectionKey, string>>>;
  /** What a card lifted from advice shows of its source (see `ItemSourceRenderer`). */
  readonly itemSource?: ItemSourceRenderer;
}

/**
 * What the card of an item lifted from advice shows of where it came from: the embedder knows
 * who wrote the advice and where to read it, and whether it has changed since. Without one the
 * card says the version and the day it was lifted.
 */
export type ItemSourceRenderer = (item: {
  readonly id: string;
  readonly source: ItemSource;
}) => ReactNode;

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    plan: {
      /** Adds an empty need to B, C or D; the cursor goes to its title. */
      addNeed: (section?: NeedsSectionKey) => ReturnType;
      /** Adds an outcome for the given needs, or for the need the cursor is in. */
      addOutcome: (needIds?: readonly string[]) => ReturnType;
      /** Adds a provision to F, G, H1 or H2 for the given outcomes, or the one the cursor is in. */
      addProvision: (section?: ProvisionSectionKey, outcomeIds?: readonly string[]) => ReturnType;
      /** Adds a view to section A; the cursor goes to its words. */
      addView: () => ReturnType;
      /** Adds a step towards the given outcome, or the one the cursor is in. */
      addStep: (outcomeId?: string) => ReturnType;
      /** Adds an item to the personal budget (J) for a provision, by default the cursor's. */
      addBudgetItem: (provisionId?: string) => ReturnType;
      /** Adds a piece of advice to section K; its card takes the details. */
      addAdvice: () => ReturnType;
      /** Moves the item the cursor is in up or down its section. */
      moveItem: (direction: "up" | "down") => ReturnType;
      /** Selects the words of the field the cursor is in. */
      selectField: () => ReturnType;
      /** Links one item to another (a provision to an outcome it serves), or unlinks them. */
      setLink: (from: string, to: string, linked?: boolean) => ReturnType;
    };
  }
  interface Storage {
    plan: {
      role: Role;
      policy: SectionPolicy;
      sectionTitles?: Readonly<Partial<Record<SectionKey, string>>>;
      itemSource?: ItemSourceRenderer;
    };
  }
}

/** Keyboard shortcuts of the plan commands, shown in the "/" menu and the help. */
export const PLAN_SHORTCUTS = {
  addNeed: "Alt-Shift-n",
  addOutcome: "Alt-Shift-o",
  addProvision: "Alt-Shift-p",
  addView: "Alt-Shift-v",
  addStep: "Alt-Shift-s",
  addBudgetItem: "Alt-Shift-b",
  addAdvice: "Alt-Shift-k",
  comment: "Alt-Shift-c",
  language: "Alt-Shift-l",
  findings: "Alt-Shift-q",
  moveUp: "Alt-Shift-ArrowUp",
  moveDown: "Alt-Shift-ArrowDown",
} as const;

/**
 * What makes the generated nodes a plan editor: the commands and their shortcuts, unique item
 * ids, labels, and the writer's role enforced as the server enforces it.
 */
export const PlanKit = Extension.create<
  PlanKitOptions,
  {
    role: Role;
    policy: SectionPolicy;
    sectionTitles?: Readonly<Partial<Record<SectionKey, string>>>;
    itemSource?: ItemSourceRenderer;
  }
>({
  name: "plan",
  addOptions: () => ({ role: "viewer", policy: DEFAULT_SECTION_POLICY }),
  addStorage() {
    const { role, policy, sectionTitles, itemSource } = this.options;
    return {
      role,
      policy,
      ...(sectionTitles ? { sectionTitles } : {}),
      ...(itemSource ? { itemSource } : {}),
    };
  },
  addProseMirrorPlugins() {
    return [
      uniqueItemIds(),
      itemLabels(),
      findingHighlight(),
      itemFindings(),
      findingUnderlines(),
      roleGuard(this.options.role, this.options.policy),
      realCards(),
      lightCardSelection(),
      cardAtSelection(),
      tabThroughPlan(),
    ];
  },
  addCommands() {
    return {
      addNeed:
        (section) =>
        ({ state, dispatch }) =>
          addNeed(section)(state, dispatch),
      addOutcome:
        (needIds) =>
        ({ state, dispatch }) =>
          addOutcome(needIds)(state, dispatch),
      addProvision:
        (section, outcomeIds) =>
        ({ state, dispatch }) =>
          addProvision(section, outcomeIds)(state, dispatch),
      addView:
        () =>
        ({ state, dispatch }) =>
          addView()(state, dispatch),
      addStep:
        (outcomeId) =>
        ({ state, dispatch }) =>
          addStep(outcomeId)(state, dispatch),
      addBudgetItem:
        (provisionId) =>
        ({ state, dispatch }) =>
          addBudgetItem(provisionId)(state, dispatch),
      addAdvice:
        () =>
        ({ state, dispatch }) =>
          addAdvice()(state, dispatch),
      moveItem:
        (direction) =>
        ({ state, dispatch }) =>
          moveItem(direction)(state, dispatch),
      selectField:
        () =>
        ({ state, dispatch }) =>
          selectField()(state, dispatch),
      setLink:
        (from, to, linked) =>
        ({ state, dispatch }) =>
          setLink(from, to, linked)(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    const section = (): NeedsSectionKey => {
      const name = this.editor.state.selection.$from.node(1)?.type.name;
      return name === "sectionC" ? "C" : name === "sectionD" ? "D" : "B";
    };
    const provisionSection = (): ProvisionSectionKey => {
      const name = this.editor.state.selection.$from.node(1)?.type.name;
      return name === "sectionG"
        ? "G"
        : name === "sectionH1"
          ? "H1"
          : name === "sectionH2"
            ? "H2"
            : "F";
    };
    // As after a click on the section's Add button: the caret in the new item's first field, on
    // screen once its card has drawn its controls; advice, which has no text of its own, its
    // card's first control.
    const added = (ran: boolean) => {
      if (ran) focusNew(this.editor);
      return ran;
    };
    return {
      [PLAN_SHORTCUTS.addNeed]: () => added(this.editor.commands.addNeed(section())),
      [PLAN_SHORTCUTS.addOutcome]: () => added(this.editor.commands.addOutcome()),
      [PLAN_SHORTCUTS.addProvision]: () =>
        added(this.editor.commands.addProvision(provisionSection())),
      [PLAN_SHORTCUTS.addView]: () => added(this.editor.commands.addView()),
      [PLAN_SHORTCUTS.addStep]: () => added(this.editor.commands.addStep()),
      [PLAN_SHORTCUTS.addBudgetItem]: () => added(this.editor.commands.addBudgetItem()),
      [PLAN_SHORTCUTS.addAdvice]: () => added(this.editor.commands.addAdvice()),
      // To the new comment's box, the words selected kept as what it is about: Tab would move the
      // caret on through the plan's fields before it left the editor.
      [PLAN_SHORTCUTS.comment]: () => {
        const box = document.querySelector<HTMLTextAreaElement>(".ehcp-comment-new textarea");
        box?.focus();
        return box !== null;
      },
      [PLAN_SHORTCUTS.findings]: () => openCardFindings(this.editor),
      [PLAN_SHORTCUTS.moveUp]: () => this.editor.commands.moveItem("up"),
      [PLAN_SHORTCUTS.moveDown]: () => this.editor.commands.moveItem("down"),
      // Ctrl+A selects the field's words, as in a form; pressed again, the whole plan (to copy).
      "Mod-a": () => this.editor.commands.selectField(),
    };
  },
});
