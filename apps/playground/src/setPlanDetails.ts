import type { Plan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";

/**
 * Changes the child's details and the caseworker in the live document, as the caseworker's own
 * edit, which the server checks (only a caseworker may change the plan details) and everyone
 * on the plan then sees.
 */
export function setPlanDetails(
  editor: Editor,
  details: Pick<Plan["meta"], "child" | "caseworker">,
): void {
  let pos = -1;
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === "planDetails") pos = offset;
  });
  if (pos < 0) return;
  editor.view.dispatch(
    editor.state.tr
      .setNodeAttribute(pos, "child", details.child)
      .setNodeAttribute(pos, "caseworker", details.caseworker),
  );
}
