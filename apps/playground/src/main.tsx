import "./jitless.js";
import { createRoot } from "react-dom/client";
import "@fontsource/atkinson-hyperlegible/400.css";
import "@fontsource/atkinson-hyperlegible/700.css";
import "./govuk.scss";
import "@ehcp/editor/styles.css";
import "./playground.css";
import { App } from "./App.js";
import { COUNCIL } from "./council.js";

// The council's colour is GOV.UK Frontend's brand colour, so its header and links take it.
document.documentElement.style.setProperty("--govuk-brand-colour", COUNCIL.colour);
document.documentElement.style.setProperty("--pg-council-colour", COUNCIL.colour);
document.title = `Education, Health and Care Plans – ${COUNCIL.name}`;

createRoot(document.getElementById("root") as HTMLElement).render(<App />);
