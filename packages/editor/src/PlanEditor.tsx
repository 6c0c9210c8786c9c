import {
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  PLAN_FRAGMENT_NAME,
  type Plan,
  planToDocJSON,
  type Role,
  type SectionPolicy,
} from "@ehcp/schema";
import type { Editor, JSONContent } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { PlainHistory } from "./kit/PlainHistory.js";
import { UnreadDomSelection } from "./kit/UnreadDomSelection.js";
import { PlanComments } from "./kit/PlanComments.js";
import { PlanSuggestions } from "./kit/PlanSuggestions.js";
import { PLAN_SHORTCUTS, PlanKit, type PlanKitOptions } from "./kit/PlanKit.js";
import { PlanLanguage } from "./kit/PlanLanguage.js";
import { LanguageMenu } from "./LanguageMenu.js";
import { planEditorExtensions } from "./kit/planEditorExtensions.js";
import { SECTION_KEY_OF } from "./model/sections.js";
import { SaveStatus, saveStatusOf } from "./SaveStatus.js";
import { SlashMenu } from "./SlashMenu.js";
import { editableSignal } from "./views/editableSignal.js";

/** Whether a key press is `shortcut` as the plan's shortcuts write them ("Alt-Shift-l"). */
const isShortcut = (event: KeyboardEvent, shortcut: string) => {
  const parts = shortcut.split("-");
  const key = (parts.pop() as string).toLowerCase();
  return (
    event.altKey === parts.includes("Alt") &&
    event.shiftKey === parts.includes("Shift") &&
    event.ctrlKey === parts.includes("Ctrl") &&
    (event.code === `Key${key.toUpperCase()}` || event.key.toLowerCase() === key)
  );
};

/** The signed-in writer as others see them. */
export interface PlanUser {
  /** The user's id as the server knows it, when there is one. */
  readonly id?: string;
  readonly name: string;
  readonly role: Role;
  /** A CSS colour for their caret and presence. */
  readonly color: string;
}

/** What the editor needs of a collaboration provider (a HocuspocusProvider fits). */
export interface PlanProvider {
  readonly awareness: {
    setLocalStateField(field: string, value: unknown): void;
    getStates(): Map<number, Record<string, unknown>>;
    on(event: "change", listener: () => void): void;
    off(event: "change", listener: () => void): void;
  } | null;
}

export interface PlanEditorProps {
  /** A shared Yjs document holding the plan (see `planToYDoc`), with its provider. */
  readonly document?: Y.Doc;
  readonly provider?: PlanProvider | null;
  /** A plan to edit alone, when there is no shared document. */
  readonly plan?: Plan;
  readonly user: PlanUser;
  readonly readOnly?: boolean;
  readonly policy?: SectionPolicy;
  /**
   * Where the user may suggest words in sections they may not edit, on a shared document and with
   * `user.id`; default `DEFAULT_SUGGEST_POLICY` (the parent and the young person, everywhere).
   */
  readonly suggestPolicy?: SectionPolicy;
  /** Called on every change to the document. */
  readonly onChange?: (editor: Editor) => void;
  /** Called once the editor exists, for toolbars, panels and tests. */
  readonly onEditor?: (editor: Editor | null) => void;
  readonly className?: string;
  /** Headings in place of the statutory ones, for a piece of advice (see `PlanKitOptions`). */
  readonly sectionTitles?: PlanKitOptions["sectionTitles"];
  /** What the card of an item lifted from advice shows of its source. */
  readonly itemSource?: PlanKitOptions["itemSource"];
}

/**
 * A plan editor: sections A to K in statutory order with fixed headings, needs, outcomes and
 * provisions as cards, the writer's role enforced, and, given a shared document and provider,
 * live co-authoring with others' carets and where the writer's work is (`SaveStatus`). React
 * does not re-render on each transaction.
 */
export function PlanEditor(props: PlanEditorProps) {
  const {
    document,
    provider,
    plan,
    user,
    readOnly = false,
    policy = DEFAULT_SECTION_POLICY,
    suggestPolicy = DEFAULT_SUGGEST_POLICY,
  } = props;
  const [menuAt, setMenuAt] = useState<{ left: number; top: number } | null>(null);
  const [languageAt, setLanguageAt] = useState<{ left: number; top: number } | null>(null);
  const editor = useEditor(
    {
      extensions: [
        ...planEditorExtensions({ awaitEditorContent: true }),
        PlanKit.configure({
          role: user.role,
          policy,
          ...(props.sectionTitles ? { sectionTitles: props.sectionTitles } : {}),
          ...(props.itemSource ? { itemSource: props.itemSource } : {}),
        }),
        UnreadDomSelection,
        PlanLanguage,
        ...(document
          ? [
              Collaboration.configure({ document, field: PLAN_FRAGMENT_NAME }),
              PlanComments.configure({ document }),
              // The server checks suggestions against the signed-in user's id, so it is needed.
              ...(user.id
                ? [
                    PlanSuggestions.configure({
                      author: { id: user.id, name: user.name, role: user.role },
                      policy,
                      suggestPolicy,
                    }),
                  ]
                : []),
              ...(provider
                ? [
                    CollaborationCaret.configure({
                      provider,
                      user: { name: user.name, color: user.color, role: user.role },
                    }),
                  ]
                : []),
            ]
          : [PlainHistory]),
      ],
      ...(document ? {} : plan ? { content: planToDocJSON(plan) as JSONContent } : {}),
      editable: !readOnly && user.role !== "viewer",
      shouldRerenderOnTransaction: false,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          class: `ehcp-editor ${props.className ?? ""}`.trim(),
          "aria-label": "Education, health and care plan",
        },
        // "/" in an empty line opens the plan commands; elsewhere it is just a slash.
        handleKeyDown(view, event) {
          const { $from, empty } = view.state.selection;
          // The language menu, at the caret, for the words selected or the paragraph.
          if (isShortcut(event, PLAN_SHORTCUTS.language) && view.editable) {
            const caret = view.coordsAtPos(view.state.selection.to);
            setLanguageAt({ left: caret.left, top: caret.bottom + 4 });
            return true;
          }
          if (event.key !== "/" || !empty || $from.parent.content.size > 0 || !view.editable) {
            return false;
          }
          const caret = view.coordsAtPos($from.pos);
          setMenuAt({ left: caret.left, top: caret.bottom + 4 });
          return true;
        },
      },
      onUpdate: ({ editor: current }) => props.onChange?.(current),
      onSelectionUpdate: ({ editor: current }) => {
        // Others see which section this writer is in, and nothing else about them.
        const name = current.state.selection.$from.node(1)?.type.name ?? "";
        provider?.awareness?.setLocalStateField("section", SECTION_KEY_OF[name] ?? null);
      },
    },
    // Not `readOnly`: a plan turning final, or back to a draft, changes only whether it is
    // editable. A new editor bound to the open document would start from an empty plan, and
    // what it wrote of that before the plan was drawn (planDetails without its id) was refused
    // by the server, retiring the connection mid-keystroke and losing what was typed then.
    [document, provider, user.role, user.name, user.id],
  );
  useEffect(() => {
    const editable = !readOnly && user.role !== "viewer";
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) {
      editor.setEditable(editable, false);
      editableSignal(editor).notify();
    }
  }, [editor, readOnly, user.role]);
  useEffect(() => {
    props.onEditor?.(editor);
    return () => props.onEditor?.(null);
  }, [editor]);
  const saveStatus = useMemo(
    () => (document ? saveStatusOf(provider) : null),
    [document, provider],
  );
  return (
    <>
      <SaveStatus source={saveStatus} />
      <EditorContent editor={editor} />
      {menuAt && editor ? (
        <SlashMenu
          editor={editor}
          at={menuAt}
          onClose={() => setMenuAt(null)}
          onLanguage={() => setLanguageAt(menuAt)}
        />
      ) : null}
      {languageAt && editor ? (
        <LanguageMenu editor={editor} at={languageAt} onClose={() => setLanguageAt(null)} />
      ) : null}
    </>
  );
}
