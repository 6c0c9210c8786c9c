import { parsePlan, type Plan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { PlanDates } from "./PlanDates.js";

const good = parsePlan(examplePlan("plan-good.json"));
const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.innerHTML = "";
});

function datesOf(plan: Plan, today: string): string[] {
  const container = document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(<PlanDates plan={plan} today={today} />));
  return [...container.querySelectorAll("li")].map((li) => li.textContent ?? "");
}

const issued = (status: "draft" | "final"): Plan => ({
  ...good,
  meta: {
    ...good.meta,
    status,
    dates: {
      ...good.meta.dates,
      requestReceived: "2026-06-01",
      draftIssued: "2026-10-01",
      finalIssued: status === "final" ? "2026-10-05" : null,
      nextReview: null,
    },
  },
});

describe("PlanDates", () => {
  it("counts down the family's 15 days on an issued draft", () => {
    expect(datesOf(issued("draft"), "2026-10-06")).toContain(
      "End of the 15 days for the family's representations on the draft: 16 October 2026 (10 days left)",
    );
  });

  it("shows a final plan's own date and the next annual review, and no countdown to a window it closed", () => {
    const dates = datesOf(issued("final"), "2026-10-06");
    expect(dates).toEqual([
      "Final plan issued: 19 October 2026 (5 October 2026, done in time)",
      "Annual review: 5 October 2027 (364 days left)",
    ]);
    expect(dates.join(" ")).not.toMatch(/representations/);
  });
});
