// The operator console in Debian's Chromium (never a downloaded browser): one browser per test file,
// one context (cookies, language) per scenario, and every page watched for what a person would not
// see but must not happen: CSP violations and other console errors, uncaught page errors, console
// pages served without their Content-Security-Policy.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PROCESSOR, until } from './hub.mjs';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'console-screenshots');
export const VIEWPORT = { width: 1280, height: 800 };

export const ACCOUNTS = {
  ops: { username: 'ops', password: 'ops-dev-password' },        // role operator
  viewer: { username: 'viewer', password: 'viewer-dev-password' }, // role viewer
};

/**
 * The console's pages: where each is and the element that says it has rendered. The tour of every
 * page (page-hygiene.test.mjs) visits each one listed here, as both roles and in both languages.
 * Schedules (/console/schedules), business records (/console/business) and the audit log
 * (/console/audit) are in the navigation but not built yet (404): add them here when they land.
 */
export const PAGES = {
  overview: { path: '/console', ready: '#interfaces' },
  records: { path: '/console/records', ready: '#records' },
  failedRecords: { path: '/console/records?status=FAILED', ready: '#records' },
  // a row's page needs a row: the tour fills in {receiptId}
  record: { path: '/console/records/{receiptId}', ready: '#payload' },
  bulkRetry: { path: '/console/records/retry?status=FAILED', ready: '#retry-count', operatorOnly: true },
  schedules: { path: '/console/schedules', ready: '#schedules' },
  schedule: { path: '/console/schedules/process_departments', ready: '#job-form' },
  business: { path: '/console/business/departments', ready: '#business' },
  audit: { path: '/console/audit', ready: '#audit' },
};

export const CSP = "default-src 'self'";

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Chromium asks every new origin for /favicon.ico, which the hub does not serve: a 404 that is no page's fault. */
function ignorable(message) {
  return message.type() === 'error' && /status of 404/.test(message.text())
    && new URL(message.location().url || 'about:blank', PROCESSOR).pathname === '/favicon.ico';
}

/**
 * A browser context with its own cookies, language and time zone, whose pages are watched. `problems`
 * lists every console error (a CSP violation is one), uncaught page error and console page without its
 * CSP; `visited` every console page loaded. `check()` asserts that there were no problems.
 */
export async function session(browser, { locale = 'en-US', timezoneId = 'UTC' } = {}) {
  const context = await browser.newContext({ baseURL: PROCESSOR, locale, timezoneId, viewport: VIEWPORT });
  context.setDefaultTimeout(15_000);
  const problems = [];
  const visited = [];
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && !ignorable(message)) {
        problems.push(`console error on ${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().isNavigationRequest() && url.pathname.startsWith('/console')
          && response.status() === 200) {
        visited.push(url.pathname + url.search);
        const csp = response.headers()['content-security-policy'] || '';
        if (!csp.includes(CSP)) problems.push(`no "${CSP}" on ${url.pathname}: ${csp || '(no CSP header)'}`);
      }
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  return {
    context,
    page,
    problems,
    visited,
    check() {
      assert.deepEqual(problems, [], `pages visited: ${visited.join(', ')}`);
    },
    close: () => context.close(),
  };
}

/** Signs in through the login form and lands on the overview. */
export async function login(page, account) {
  const { username, password } = ACCOUNTS[account];
  await page.goto('/console/login');
  await page.fill('input[name=j_username]', username);
  await page.fill('input[name=j_password]', password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/console'), page.click('form button[type=submit]')]);
  await page.waitForSelector('#interfaces');
}

/** A full-page screenshot to end-to-end/target/console-screenshots/<name>.png. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The row's status as its page shows it: the status badge in the heading (its class is the status). */
export async function rowStatus(page) {
  const badge = page.locator('h1 .status');
  const classes = (await badge.getAttribute('class')).split(/\s+/);
  return { status: classes.find((c) => /^[A-Z]+$/.test(c)), text: (await badge.textContent()).trim() };
}

/** Reloads the row's page until it shows `status` (bounded); answers the status seen. */
export async function reloadUntilStatus(page, status, timeoutMs = 30_000) {
  let seen;
  try {
    await until(async () => {
      await page.reload();
      seen = (await rowStatus(page)).status;
      return seen === status;
    }, { timeoutMs, intervalMs: 500, what: `the row's page showing ${status}` });
  } catch (e) {
    throw new Error(`${e.message} (last seen: ${seen})`);
  }
  return seen;
}

/** The rows of the records table as {receipt, status, externalId, interface, error}. */
export async function recordRows(page) {
  return page.$$eval('#records tbody tr[data-receipt]', (rows) => rows.map((tr) => ({
    receipt: tr.dataset.receipt,
    status: tr.dataset.status,
    interfaceName: tr.cells[1].textContent.trim(),
    externalId: tr.cells[3].textContent.trim(),
    statusText: tr.cells[5].textContent.trim(),
    error: tr.cells[6].textContent.trim(),
  })));
}

/** The CSRF token of the page's forms (the sign-out form carries one on every signed-in page). */
export async function csrfToken(page) {
  return page.locator('input[type=hidden][name=hub-csrf]').first().inputValue();
}
