/**
 * The council whose service this is: its name, its colour and its logo, shown in the header in
 * place of the GOV.UK crown (which only GOV.UK may use). Set when the app is built, from
 * `VITE_COUNCIL_NAME`, `VITE_COUNCIL_COLOUR` (a CSS colour dark enough for white text on it) and
 * `VITE_COUNCIL_LOGO` (an image path under the app's own `public/`, or empty for none).
 */
export interface Council {
  readonly name: string;
  readonly colour: string;
  readonly logo: string | null;
}

const env = import.meta.env as Record<string, string | undefined>;

export const COUNCIL: Council = {
  name: env.VITE_COUNCIL_NAME?.trim() || "Playground County Council",
  colour: env.VITE_COUNCIL_COLOUR?.trim() || "#1d4e5a",
  logo: env.VITE_COUNCIL_LOGO === "" ? null : (env.VITE_COUNCIL_LOGO ?? "/council-logo.svg"),
};
