import type { StorybookConfig } from "@storybook/react-vite";

// Stories of the editor kit's components in their real states. Nothing leaves the machine:
// telemetry is off, and the stories load no fonts or scripts from elsewhere.
const config: StorybookConfig = {
  stories: ["../packages/*/stories/**/*.stories.tsx"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
