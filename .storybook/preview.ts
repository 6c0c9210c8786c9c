import type { Preview } from "@storybook/react-vite";
import "@ehcp/editor/styles.css";

const preview: Preview = {
  parameters: { layout: "padded" },
};

export default preview;
