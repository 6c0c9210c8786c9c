import { checkPlan, summarizeQuality } from "@ehcp/quality";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { TraceabilityMatrix } from "../src/TraceabilityMatrix.js";
import { goodPlan, poorPlan } from "./examplePlans.js";

const summaryOf = (plan: typeof goodPlan) =>
  summarizeQuality(plan, checkPlan(plan, { today: "2026-11-22" }));

const meta = {
  title: "Editor/TraceabilityMatrix",
  component: TraceabilityMatrix,
  args: { editor: null, summary: summaryOf(goodPlan) },
} satisfies Meta<typeof TraceabilityMatrix>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ThreadHolds: Story = {};
export const ThreadBroken: Story = { args: { summary: summaryOf(poorPlan) } };
