import { composeStories } from "@storybook/react-vite";
import axe from "axe-core";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import "../src/styles.css";
import { locate } from "../test/locate.js";
import * as presence from "./PresenceList.stories.js";
import * as workspace from "./PlanWorkspace.stories.js";
import * as traceability from "./TraceabilityMatrix.stories.js";

/** Waits up to ten seconds for `check` to hold, and fails if it never does. */
async function waitFor(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

/** Renders a story, waits for the editor's views, and returns its container. */
async function render(Story: () => React.ReactElement | null) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<Story />));
  await new Promise((r) => setTimeout(r, 300));
  return {
    container,
    done: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

async function seriousProblems(container: HTMLElement) {
  const result = await axe.run(container);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

const stories = {
  ...Object.fromEntries(
    Object.entries(composeStories(workspace)).map(([k, v]) => [`workspace ${k}`, v]),
  ),
  ...Object.fromEntries(
    Object.entries(composeStories(traceability)).map(([k, v]) => [`matrix ${k}`, v]),
  ),
  ...Object.fromEntries(
    Object.entries(composeStories(presence)).map(([k, v]) => [`presence ${k}`, v]),
  ),
};

describe("every story", () => {
  it.each(Object.entries(stories).filter(([name]) => !name.includes("LargePlan")))(
    "%s renders with no serious accessibility problem",
    async (name, Story) => {
      const { container, done } = await render(Story as () => React.ReactElement);
      if (name.startsWith("workspace")) {
        expect(container.querySelector("section.ehcp-section h2")?.textContent).toMatch(
          /^Section A:/,
        );
      }
      if (name === "workspace ReadOnlyForHealth") {
        expect(container.querySelector('[data-section="F"]')?.getAttribute("data-readonly")).toBe(
          "true",
        );
      }
      if (name === "matrix ThreadBroken") {
        expect(container.querySelector("tr[data-broken]")).not.toBeNull();
      }
      if (name === "presence AMeeting") {
        expect(container.textContent).toContain("Sam SENCO (school), in section F");
      }
      expect(await seriousProblems(container)).toEqual([]);
      done();
    },
  );

  it("two users on one plan see each other's typing", async () => {
    const { container, done } = await render(composeStories(workspace).TwoUsersOnOnePlan as never);
    const editors = container.querySelectorAll<HTMLElement>(".ehcp-editor");
    expect(editors).toHaveLength(2);
    const first = editors[0]?.querySelector<HTMLElement>(
      '[data-field="provisionDeliveredBy"] .ehcp-field-content',
    );
    const { userEvent } = await import("vitest/browser");
    await userEvent.click(locate(first as HTMLElement, container));
    await userEvent.keyboard("Shared ");
    await waitFor(
      () =>
        editors[1]
          ?.querySelector('[data-field="provisionDeliveredBy"]')
          ?.textContent?.includes("Shared ") === true,
    );
    done();
  });

  it("co-production: a parent's typing in F is a suggestion the caseworker accepts", async () => {
    const { container, done } = await render(composeStories(workspace).CoProduction as never);
    const { userEvent } = await import("vitest/browser");
    const [parentEditor, officerEditor] = container.querySelectorAll<HTMLElement>(".ehcp-editor");
    const field = parentEditor?.querySelector<HTMLElement>(
      '[data-section="F"] [data-field="provisionDeliveredBy"] .ehcp-field-content',
    );
    await userEvent.click(locate(field as HTMLElement, container));
    await userEvent.keyboard("{End} (NHS)");
    await waitFor(() => officerEditor?.querySelector(".ehcp-insertion")?.textContent === " (NHS)");
    const officerPanel = container.querySelectorAll<HTMLElement>(".ehcp-suggestions")[1];
    await waitFor(() => officerPanel?.querySelector("textarea") !== null);
    await userEvent.click(
      locate(officerPanel?.querySelector("textarea") as HTMLElement, container),
    );
    await userEvent.keyboard("Commissioned from the NHS.");
    const accept = [...(officerPanel?.querySelectorAll("button") ?? [])].find(
      (b) => b.textContent === "Accept",
    );
    await userEvent.click(locate(accept as HTMLElement, container));
    await waitFor(() => parentEditor?.querySelector(".ehcp-insertion") === null);
    expect(field?.textContent).toMatch(/ \(NHS\)$/);
    done();
  });
});
