import "./jitless.js";
import { createRoot } from "react-dom/client";
import "@ehcp/editor/styles.css";
import "./playground.css";
import { App } from "./App.js";

createRoot(document.getElementById("root") as HTMLElement).render(<App />);
