import { Extension } from "@tiptap/core";
import { type LanguageScope, setLanguage } from "../commands/setLanguage.js";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    planLanguage: {
      /**
       * Marks the selected words, the paragraphs they are in, or the view of section A they are
       * in as being in `lang` (a language tag: "ur", "cy", "pl"); null takes the language away.
       */
      setLanguage: (lang: string | null, scope: LanguageScope) => ReturnType;
    };
  }
}

/**
 * Languages in the plan's text: words, paragraphs and views of section A in another language than
 * the plan's, which the editor shows with `lang` (and `dir` for right-to-left scripts) and the
 * exports carry as the PDF's Lang and the DOCX's w:lang.
 */
export const PlanLanguage = Extension.create({
  name: "planLanguage",
  addCommands() {
    return {
      setLanguage:
        (lang, scope) =>
        ({ state, dispatch }) =>
          setLanguage(lang, scope)(state, dispatch),
    };
  },
});
