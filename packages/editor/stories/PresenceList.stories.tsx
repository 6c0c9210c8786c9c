import type { Meta, StoryObj } from "@storybook/react-vite";
import type { PlanProvider } from "../src/PlanEditor.js";
import { PresenceList } from "../src/PresenceList.js";

/** A provider whose awareness holds fixed states, as three people in a meeting would send. */
const meeting = (states: Record<string, unknown>[]): PlanProvider => ({
  awareness: {
    setLocalStateField: () => {},
    getStates: () => new Map(states.map((state, i) => [i + 1, state])),
    on: () => {},
    off: () => {},
  },
});

const meta = {
  title: "Editor/PresenceList",
  component: PresenceList,
} satisfies Meta<typeof PresenceList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NobodyElse: Story = { args: { provider: meeting([]) } };
export const AMeeting: Story = {
  args: {
    provider: meeting([
      { user: { name: "Alex Caseworker", role: "caseworker", color: "#1d4ed8" }, section: "E" },
      { user: { name: "Sam SENCO", role: "school", color: "#b45309" }, section: "F" },
      { user: { name: "Dr Priya Shah", role: "health", color: "#047857" }, section: "G" },
      { user: { name: "Jo (parent)", role: "parent", color: "#7c3aed" }, section: "A" },
    ]),
  },
};
