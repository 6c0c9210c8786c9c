import type { Meta, StoryObj } from "@storybook/react-vite";
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { CommentsPanel } from "../src/CommentsPanel.js";
import { PlanEditor, type PlanUser } from "../src/PlanEditor.js";
import { PlanWorkspace } from "../src/PlanWorkspace.js";
import { SuggestionsPanel } from "../src/SuggestionsPanel.js";
import { emptyPlan, goodPlan, largePlan, poorPlan } from "./examplePlans.js";
import { localCoProduction } from "./localCoProduction.js";
import { twoUsers } from "./twoUsers.js";

const caseworker = { name: "Alex Caseworker", role: "caseworker", color: "#1d4ed8" } as const;

const meta = {
  title: "Editor/PlanWorkspace",
  component: PlanWorkspace,
  args: { user: caseworker, quality: { today: "2026-11-22" } },
} satisfies Meta<typeof PlanWorkspace>;
export default meta;
type Story = StoryObj<typeof meta>;

export const EmptyPlan: Story = { args: { plan: emptyPlan } };
export const GoodPlan: Story = { args: { plan: goodPlan } };
export const PoorPlan: Story = { args: { plan: poorPlan } };
export const ReadOnlyForHealth: Story = {
  args: { plan: goodPlan, user: { name: "Dr Priya Shah", role: "health", color: "#047857" } },
};
export const Viewer: Story = {
  args: { plan: goodPlan, user: { name: "Observer", role: "viewer", color: "#4b5563" } },
};
export const LargePlan: Story = { args: { plan: largePlan } };

/** Two writers on one plan: what one types appears in the other's editor with their caret. */
export const TwoUsersOnOnePlan: Story = {
  render: () => {
    const [one, two] = twoUsers(goodPlan);
    return (
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: "1rem" }}>
        <PlanEditor document={one.document} provider={one.provider} user={caseworker} />
        <PlanEditor
          document={two.document}
          provider={two.provider}
          user={{ name: "Sam SENCO", role: "school", color: "#b45309" }}
        />
      </div>
    );
  },
};

/**
 * A parent and a caseworker on one draft: the parent's typing in section F becomes suggestions,
 * which the caseworker accepts or rejects with a reason; both comment on words or items.
 */
export const CoProduction: Story = {
  render: () => {
    const [one, two] = twoUsers(goodPlan);
    const parent = { id: "u-parent", name: "Jo Okafor", role: "parent", color: "#be185d" } as const;
    const officer = { ...caseworker, id: "u-caseworker" };
    const parentService = localCoProduction(one.document, parent);
    const officerService = localCoProduction(two.document, officer);
    return <CoProductionStory {...{ one, two, parent, officer, parentService, officerService }} />;
  },
};

function CoProductionStory(props: {
  one: ReturnType<typeof twoUsers>[0];
  two: ReturnType<typeof twoUsers>[1];
  parent: PlanUser & { id: string };
  officer: PlanUser & { id: string };
  parentService: ReturnType<typeof localCoProduction>;
  officerService: ReturnType<typeof localCoProduction>;
}) {
  const [editor, setEditor] = useState<Editor | null>(null);
  return (
    <div style={{ display: "grid", gridTemplateColumns: "1fr", gap: "2rem" }}>
      <PlanWorkspace
        document={props.one.document}
        provider={props.one.provider}
        user={props.parent}
        quality={{ today: "2026-11-22" }}
        comments={props.parentService}
        suggestions={props.parentService}
      />
      <div style={{ display: "grid", gridTemplateColumns: "2fr 1fr", gap: "1rem" }}>
        <PlanEditor
          document={props.two.document}
          provider={props.two.provider}
          user={props.officer}
          onEditor={setEditor}
        />
        <div>
          <SuggestionsPanel
            editor={editor}
            document={props.two.document}
            service={props.officerService}
            user={props.officer}
          />
          <CommentsPanel
            editor={editor}
            document={props.two.document}
            service={props.officerService}
            user={props.officer}
          />
        </div>
      </div>
    </div>
  );
}
