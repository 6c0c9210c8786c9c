import { docToPlan, type Plan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import axe from "axe-core";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { PlanEditor, type PlanEditorProps } from "../src/PlanEditor.js";

const mounted: Root[] = [];

/** Unmounts every editor `mountEditor` made. */
export function unmountAll(): void {
  for (const root of mounted.splice(0)) act(() => root.unmount());
  document.body.innerHTML = "";
}

/** Renders a `PlanEditor` for a caseworker (unless `props` say otherwise) and waits for it. */
export async function mountEditor(props: Partial<PlanEditorProps> & { plan: Plan }) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  mounted.push(root);
  let editor: Editor | null = null;
  await act(async () => {
    root.render(
      <PlanEditor
        user={{ name: "Alex Caseworker", role: "caseworker", color: "#1d4ed8" }}
        onEditor={(e) => {
          editor = e;
        }}
        {...props}
      />,
    );
  });
  for (let i = 0; i < 250 && !editor; i++) await new Promise((r) => setTimeout(r, 20));
  if (!editor) throw new Error("the editor did not start");
  return { container, editor: editor as Editor };
}

/** The plan as the editor holds it now. */
export const planOf = (editor: Editor): Plan => docToPlan(editor.state.doc);

/** The serious and critical accessibility problems axe finds in `root`. */
export async function seriousAxeProblems(root: HTMLElement): Promise<string[]> {
  const result = await axe.run(root);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.length} (${v.help})`);
}
