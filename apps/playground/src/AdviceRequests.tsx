import {
  type AdviceDate,
  type AdviceRequest,
  ADVISER_ROLE_NAMES,
  ADVISER_ROLES,
  adviceDates,
  type Plan,
  spokenDate as spoken,
  writesAdvice,
} from "@ehcp/schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { adviceAfterPlanDates } from "./adviceAfterPlanDates.js";
import { AdviceClashWarning } from "./AdviceClashWarning.js";
import type { DateParts } from "./readDateParts.js";
import { sentenceCase } from "./sentenceCase.js";
import { DateField } from "./DateField.js";
import { DateStanding } from "./DateStanding.js";
import { TableHead } from "./TableHead.js";
import { ApiError, developmentUserId, requestAdvice, type Session, withdrawAdvice } from "./api.js";
import { planViewHref } from "./PlanViews.js";

const TAGS: Readonly<Record<AdviceDate["status"], [string, string]>> = {
  met: ["Given", "govuk-tag--green"],
  late: ["Given late", "govuk-tag--orange"],
  due: ["Due", "govuk-tag--blue"],
  overdue: ["Late", "govuk-tag--red"],
};

/** Which field a server's error names, so the form can mark it: "adviser.name: …". */
const fieldOf = (problem: string | null) =>
  problem?.match(/^(adviser\.name|adviser\.role|requestedOn):/)?.[1] ?? null;

/**
 * The advice sought for the plan (SEND Regulations 2014 reg 6): who was asked, when, and when it
 * is due, six weeks on (reg 8), the late ones marked in words as well as colour; and, for the
 * caseworker, the form that asks someone for advice.
 */
export function AdviceRequests({
  session,
  id,
  plan,
  requests,
  today,
}: {
  readonly session: Session;
  readonly id: string;
  /** The plan whose draft and final dates the advice is weighed against. */
  readonly plan: Plan;
  readonly requests: readonly AdviceRequest[];
  readonly today: string;
}) {
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const [date, setDate] = useState<DateParts>({ day: "", month: "", year: "" });
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const manage = session.role === "caseworker";
  const dates = adviceDates(requests, today);
  const dateOf = new Map(dates.map((d) => [d.requestId, d]));
  // The request the caseworker is asked to confirm withdrawing, and the button that asked.
  const [withdrawing, setWithdrawing] = useState<AdviceRequest | null>(null);
  const [withdrawReason, setWithdrawReason] = useState("");
  const [withdrawProblem, setWithdrawProblem] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const withdrawnNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (withdrawing) confirmHeading.current?.focus();
  }, [withdrawing?.id]);
  const backToButton = (requestId: string) =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-withdraw="${CSS.escape(requestId)}"]`)?.focus(),
    );
  const withdraw = async (event: FormEvent) => {
    event.preventDefault();
    if (!withdrawing) return;
    try {
      await withdrawAdvice(session, id, withdrawing.id, withdrawReason.trim());
      setWithdrawn(
        `The request to ${withdrawing.adviser.name} was withdrawn. They can no longer write the advice.`,
      );
      setWithdrawing(null);
      setWithdrawReason("");
      setWithdrawProblem(null);
      requestAnimationFrame(() => withdrawnNote.current?.focus());
    } catch (error) {
      setWithdrawProblem(
        error instanceof ApiError ? error.message : "The server could not be reached.",
      );
    }
  };
  const field = fieldOf(problem);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    if (!name.trim()) return setProblem("adviser.name: give the name of the person asked");
    if (!role) return setProblem("adviser.role: choose the role they advise in");
    const given = [date.day, date.month, date.year].some((part) => part.trim() !== "");
    const requestedOn = given
      ? `${date.year.trim().padStart(4, "0")}-${date.month.trim().padStart(2, "0")}-${date.day.trim().padStart(2, "0")}`
      : undefined;
    try {
      const { request } = await requestAdvice(
        session,
        id,
        { id: developmentUserId(name), name: name.trim(), role },
        requestedOn,
      );
      setProblem(null);
      setSent(`${request.adviser.name} was asked for advice. It is due by ${spoken(request.due)}.`);
      setName("");
      setRole("");
      setDate({ day: "", month: "", year: "" });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "The server could not be reached.");
    }
  };
  const message = problem ? sentenceCase(problem.replace(/^[a-zA-Z.]+: /, "")) : null;
  return (
    <section aria-labelledby="advice-heading" className="pg-advice">
      <h2 id="advice-heading" className="govuk-heading-m">
        Advice
      </h2>
      {requests.length === 0 ? (
        <p className="govuk-body">No one has been asked for advice yet.</p>
      ) : (
        <table className="govuk-table pg-advice-requests">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Advice asked for, due six weeks from each request
          </caption>
          <TableHead columns={["Adviser", "Asked", "Due", "Where it stands"]} />
          <tbody className="govuk-table__body">
            {requests.map((request) => {
              const d = dateOf.get(request.id);
              const writes = session.id !== undefined && writesAdvice(request, session.id);
              const adviser = request.adviser.id === session.id;
              return (
                <tr key={request.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {request.adviser.name}
                    <span className="govuk-body-s pg-advice-role">
                      {" "}
                      ({ADVISER_ROLE_NAMES[request.adviser.role]})
                    </span>
                    {writes || manage ? (
                      <>
                        <br />
                        <a
                          className="govuk-link govuk-body-s"
                          href={`#/plans/${encodeURIComponent(id)}/advice/${encodeURIComponent(request.id)}`}
                        >
                          {adviser
                            ? "Write your advice"
                            : writes
                              ? "Write the advice with them"
                              : "Read the advice"}
                          <span className="govuk-visually-hidden">
                            {" "}
                            from {request.adviser.name}
                          </span>
                        </a>
                      </>
                    ) : null}
                    {manage && !request.withdrawn && !request.submittedOn ? (
                      <>
                        <br />
                        <button
                          type="button"
                          className="govuk-body-s pg-link-button"
                          data-withdraw={request.id}
                          onClick={() => {
                            setWithdrawn(null);
                            setWithdrawProblem(null);
                            setWithdrawing(request);
                          }}
                        >
                          Withdraw the request
                          <span className="govuk-visually-hidden"> to {request.adviser.name}</span>
                        </button>
                      </>
                    ) : null}
                  </th>
                  <td className="govuk-table__cell">{spoken(request.requestedOn)}</td>
                  <td className="govuk-table__cell">{spoken(request.due)}</td>
                  {d ? (
                    <DateStanding date={d} tags={TAGS} showDone />
                  ) : (
                    <td className="govuk-table__cell">
                      <strong className="govuk-tag govuk-tag--grey">Withdrawn</strong>
                      {request.withdrawn ? ` ${spoken(request.withdrawn.on)}` : ""}
                      {request.withdrawn?.reason ? (
                        <span className="govuk-body-s pg-advice-withdrawn-reason">
                          {" "}
                          {request.withdrawn.reason}
                        </span>
                      ) : null}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {withdrawn ? (
        <p className="govuk-body pg-advice-sent" role="status" tabIndex={-1} ref={withdrawnNote}>
          {withdrawn}
        </p>
      ) : null}
      {withdrawing ? (
        <form
          className="pg-confirm pg-withdraw-confirm"
          onSubmit={(event) => void withdraw(event)}
          noValidate
          aria-labelledby="withdraw-heading"
        >
          <h3 id="withdraw-heading" className="govuk-heading-s" tabIndex={-1} ref={confirmHeading}>
            Withdraw the request to {withdrawing.adviser.name}?
          </h3>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {withdrawing.adviser.name}
              {withdrawing.coAuthors.length > 0 ? " and those writing it with them" : ""} will no
              longer be able to write this advice. What is written so far stays for you to read.
            </strong>
          </div>
          {withdrawProblem ? (
            <p className="govuk-error-message" role="alert">
              {sentenceCase(withdrawProblem)}
            </p>
          ) : null}
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="withdraw-reason">
              Why it is withdrawn (optional)
            </label>
            <textarea
              id="withdraw-reason"
              className="govuk-textarea"
              rows={2}
              value={withdrawReason}
              onChange={(e) => setWithdrawReason(e.target.value)}
            />
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning">
              Yes, withdraw the request
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                const asked = withdrawing.id;
                setWithdrawing(null);
                setWithdrawProblem(null);
                backToButton(asked);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {requests.length > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href={planViewHref(id, "advice")}>
            How the advice was used: each recommendation and what became of it
          </a>
        </p>
      ) : null}
      <AdviceClashWarning
        id="requests-advice-clash"
        clashes={adviceAfterPlanDates(plan, dates, today)}
      />
      {manage ? (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="ask-heading">
          <h3 id="ask-heading" className="govuk-heading-s">
            Request advice
          </h3>
          {sent ? (
            <p className="govuk-body pg-advice-sent" role="status">
              {sent}
            </p>
          ) : null}
          <div
            className={`govuk-form-group${field === "adviser.name" ? " govuk-form-group--error" : ""}`}
          >
            <label className="govuk-label" htmlFor="adviser-name">
              Name of the person asked
            </label>
            <div className="govuk-hint" id="adviser-name-hint">
              They write their advice when they sign in with this name.
            </div>
            {field === "adviser.name" ? (
              <p className="govuk-error-message" id="adviser-name-error" role="alert">
                <span className="govuk-visually-hidden">Error:</span> {message}
              </p>
            ) : null}
            <input
              id="adviser-name"
              className={`govuk-input${field === "adviser.name" ? " govuk-input--error" : ""}`}
              aria-describedby={`adviser-name-hint${field === "adviser.name" ? " adviser-name-error" : ""}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          </div>
          <div
            className={`govuk-form-group${field === "adviser.role" ? " govuk-form-group--error" : ""}`}
          >
            <label className="govuk-label" htmlFor="adviser-role">
              The role they advise in
            </label>
            {field === "adviser.role" ? (
              <p className="govuk-error-message" id="adviser-role-error" role="alert">
                <span className="govuk-visually-hidden">Error:</span> {message}
              </p>
            ) : null}
            <select
              id="adviser-role"
              className={`govuk-select${field === "adviser.role" ? " govuk-select--error" : ""}`}
              {...(field === "adviser.role" ? { "aria-describedby": "adviser-role-error" } : {})}
              value={role}
              onChange={(e) => setRole(e.target.value)}
            >
              <option value="">Choose a role</option>
              {ADVISER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ADVISER_ROLE_NAMES[r][0]?.toUpperCase()}
                  {ADVISER_ROLE_NAMES[r].slice(1)}
                </option>
              ))}
            </select>
          </div>
          <DateField
            id="requested"
            legend="Date the request was sent"
            hint="Leave it blank for today. For example, 1 10 2026."
            error={field === "requestedOn" ? message : null}
            announce
            value={date}
            onChange={setDate}
          />
          {problem && !field ? (
            <p role="alert" className="govuk-error-message pg-error">
              {sentenceCase(problem)}
            </p>
          ) : null}
          <button type="submit" className="govuk-button">
            Request advice
          </button>
        </form>
      ) : null}
    </section>
  );
}
