import { PluginKey } from "@tiptap/pm/state";

/** Marks a transaction whose changes were turned into suggestions for the writer's name. */
export const suggestedKey = new PluginKey("ehcpSuggested");
