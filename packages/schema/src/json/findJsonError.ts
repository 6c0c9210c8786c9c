const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters inside strings, so the regex must name them.
// eslint-disable-next-line no-control-regex -- the JSON grammar excludes U+0000 to U+001F
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * The offset at which `text` stops being JSON, or -1 if it is JSON. `JSON.parse` says where only
 * on some Node versions, so the CLI and the playground find the place themselves. Iterative, so
 * deep nesting cannot overflow the stack.
 */
export function findJsonError(text: string): number {
  let i = 0;
  const stack: ("{" | "[")[] = [];
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  // After a value: close containers or expect a comma, until a new value is due.
  const afterValue = (): "value" | "key" | "done" | number => {
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (!top) return i === text.length ? "done" : i;
      const c = text[i];
      if (c === ",") {
        i++;
        return top === "{" ? "key" : "value";
      }
      if ((top === "{" && c === "}") || (top === "[" && c === "]")) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  };
  let want: "value" | "key" | "first-key" | "first-value" = "value";
  for (;;) {
    skip();
    if (want === "key" || want === "first-key") {
      if (want === "first-key" && text[i] === "}") {
        i++;
        stack.pop();
      } else {
        if (!match(STRING)) return i;
        skip();
        if (text[i] !== ":") return i;
        i++;
        want = "value";
        continue;
      }
    } else if (want === "first-value" && text[i] === "]") {
      i++;
      stack.pop();
    } else {
      const c = text[i];
      if (c === "{") {
        i++;
        stack.push("{");
        want = "first-key";
        continue;
      }
      if (c === "[") {
        i++;
        stack.push("[");
        want = "first-value";
        continue;
      }
      if (c === '"') {
        if (!match(STRING)) return i;
      } else if (text.startsWith("true", i)) i += 4;
      else if (text.startsWith("false", i)) i += 5;
      else if (text.startsWith("null", i)) i += 4;
      else if (!match(NUMBER)) return i;
    }
    const next = afterValue();
    if (next === "done") return -1;
    if (typeof next === "number") return next;
    want = next;
  }
}
