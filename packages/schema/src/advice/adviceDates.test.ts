import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adviceDates } from "./adviceDates.js";
import { adviceDueDate } from "./adviceDueDate.js";
import {
  ADVICE_REQUESTS_MAP_NAME,
  type AdviceRequest,
  readAdviceRequests,
} from "./adviceRequest.js";

const request = (over: Partial<AdviceRequest> = {}): AdviceRequest => ({
  id: "req-1",
  adviser: { id: "dev-ana-ruiz", name: "Dr Ana Ruiz", role: "educational-psychologist" },
  requestedOn: "2026-10-01",
  due: adviceDueDate("2026-10-01"),
  requestedBy: { id: "u-cw", name: "Sam Okafor", role: "caseworker" },
  submittedOn: null,
  submissions: [],
  coAuthors: [],
  withdrawn: null,
  ...over,
});

describe("advice due dates", () => {
  it("falls six weeks after the request, across a month's and a year's end", () => {
    expect(adviceDueDate("2026-10-01")).toBe("2026-11-12");
    expect(adviceDueDate("2026-12-01")).toBe("2027-01-12");
    expect(adviceDueDate("2028-02-01")).toBe("2028-03-14");
  });

  it("refuses a request date that is not a calendar date", () => {
    expect(() => adviceDueDate("1 October")).toThrow(/not a date written YYYY-MM-DD/);
  });

  it("counts down to the due date from the day given as today, and marks it late after", () => {
    const [due] = adviceDates([request()], "2026-11-02");
    expect(due).toMatchObject({
      key: "advice:req-1",
      label: "Advice from Dr Ana Ruiz, educational psychologist",
      due: "2026-11-12",
      status: "due",
      daysLeft: 10,
    });
    expect(adviceDates([request()], "2026-11-12")[0]).toMatchObject({ status: "due", daysLeft: 0 });
    expect(adviceDates([request()], "2026-11-15")[0]).toMatchObject({
      status: "overdue",
      daysLeft: -3,
    });
  });

  it("tells advice submitted in time from advice submitted late", () => {
    expect(adviceDates([request({ submittedOn: "2026-11-10" })], "2026-12-01")[0]?.status).toBe(
      "met",
    );
    expect(adviceDates([request({ submittedOn: "2026-11-20" })], "2026-12-01")[0]?.status).toBe(
      "late",
    );
  });

  it("gives a withdrawn request no date: it is awaited no longer, so never late", () => {
    const withdrawn = request({
      id: "req-2",
      withdrawn: {
        on: "2026-10-20",
        by: { id: "u-cw", name: "Sam Okafor", role: "caseworker" },
        reason: "Asked of the wrong service",
      },
    });
    expect(adviceDates([request(), withdrawn], "2026-12-01").map((d) => d.requestId)).toEqual([
      "req-1",
    ]);
  });

  it("reads a request kept before co-authors and withdrawing as one with neither", () => {
    const doc = new Y.Doc();
    const { coAuthors: _c, withdrawn: _w, ...older } = request();
    doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME).set("req-1", older);
    expect(readAdviceRequests(doc)[0]).toMatchObject({ coAuthors: [], withdrawn: null });
  });

  it("reads the requests kept beside a plan, oldest first, skipping what is not a request", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME);
    map.set("req-2", request({ id: "req-2", requestedOn: "2026-10-05" }));
    map.set("req-1", request());
    map.set("junk", { id: "junk", adviser: "nobody" });
    expect(readAdviceRequests(doc).map((r) => r.id)).toEqual(["req-1", "req-2"]);
  });
});
