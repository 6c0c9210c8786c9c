/** A shortcut as people read it: "Alt-Shift-n" is "Alt+Shift+N". */
export function readableShortcut(shortcut: string): string {
  return shortcut
    .split("-")
    .map((key) => (key.length === 1 ? key.toUpperCase() : key.replace("Arrow", "")))
    .join("+");
}
