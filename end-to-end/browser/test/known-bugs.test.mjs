// Console behaviour that was once wrong, kept as the tests that showed it: an overview whose session ended,
// and a time filter read in the wrong zone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failedEmployees, uniqueCode, until } from '../lib/hub.mjs';
import { launch, login, recordRows, screenshot, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an overview whose session has ended asks to sign in again instead of going blank', {
  timeout: 60_000,
}, async () => {
  const s = await session(browser);
  try {
    await login(s.page, 'viewer');
    await s.context.clearCookies(); // as a session timeout or a restarted processor (its key is per run) does
    // within two refreshes the page offers to sign in again (a login form, or a link to it)
    await until(async () => (await s.page.locator('input[name=j_username], main a[href^="/console/login"]').count()) > 0,
      { timeoutMs: 15_000, intervalMs: 500, what: 'a way to sign in again' })
      .finally(() => screenshot(s.page, 'bug-overview-after-session-end'));
  } finally {
    await s.close();
  }
});

test('"Received from" is read in the browser\'s time zone, as the times beside it are shown', {
  timeout: 60_000,
}, async () => {
  const [failed] = await failedEmployees([[uniqueCode('E-T'), uniqueCode('D-T')]]);
  const s = await session(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const { page } = s;
  try {
    await login(page, 'ops');
    await page.goto(`/console/records?q=${failed.employee}`);
    const receivedAt = new Date(await page.getAttribute(`tr[data-receipt="${failed.receiptId}"] time`, 'datetime'));
    // the minute before it, on a Beijing wall clock, typed into the form as a person there would
    const minuteBefore = new Date(receivedAt.getTime() + 8 * 3600_000 - 60_000).toISOString().slice(0, 16);
    await page.goto('/console/records');
    await page.fill('input[name=q]', failed.employee);
    await page.fill('input[name=from]', minuteBefore);
    await Promise.all([page.waitForURL(/[?&]from=/), page.click('form.filters button[type=submit]')]);
    assert.deepEqual((await recordRows(page)).map((r) => r.receipt), [failed.receiptId]);
    s.check();
  } finally {
    await s.close();
  }
});
