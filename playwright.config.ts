import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** The port of the site API the e2e suite starts; every test talks to this one server. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8790);
export const E2E_ADMIN_KEY = 'e2e-admin-key-0123456789abcdef';
export const E2E_OWNER_PASSWORD = 'e2e-owner-password-0123456789';

/**
 * Playwright cannot download its own browser on machines without internet access: use Debian's
 * Chromium when it is there, else Playwright's own (a normal laptop).
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);

/** Chromium launch options of the suite; a test that needs other flags spreads these. */
export const launchOptions = {
  ...(process.env.CHROMIUM_PATH || systemChromium
    ? { executablePath: process.env.CHROMIUM_PATH ?? systemChromium }
    : {}),
  // This network refuses Chromium's background calls; keep it from making them.
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
};

export default defineConfig({
  testDir: 'e2e',
  // Two cores: the server and one browser per worker share them.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /console\.spec\.ts$/ },
    // The console's journey changes the demo project (a new consent type, keys, members,
    // webhooks) on the suite's one server: it runs after every other test, so that no test
    // counting the demo's types or events sees its changes.
    { name: 'console', testMatch: /console\.spec\.ts$/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'npx tsx server/main.ts',
    url: `http://127.0.0.1:${E2E_PORT}/site-v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      ASSENT_DATA_DIR: mkdtempSync(join(tmpdir(), 'assent-e2e-')),
      ASSENT_ADMIN_KEY: E2E_ADMIN_KEY,
      ASSENT_ADMIN_PASSWORD: E2E_OWNER_PASSWORD,
    },
  },
});
