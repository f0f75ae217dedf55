// A viewer reads everything and changes nothing: the overview lists every interface and refreshes by
// itself; a failed row's page shows why, with no button to retry it, and a retry posted anyway is 403.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failedEmployees, interfaceNames, jobNames, uniqueCode, until } from '../lib/hub.mjs';
import { csrfToken, launch, login, recordRows, rowStatus, screenshot, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The overview's count in `column` (a header's text) for the interface. */
async function overviewCount(page, interfaceName, column) {
  const headers = await page.$$eval('#interfaces thead th', (ths) => ths.map((th) => th.textContent.trim()));
  const index = headers.indexOf(column);
  assert.notEqual(index, -1, `no column "${column}" in ${headers}`);
  const cells = page.locator(`#interfaces tr[data-interface="${interfaceName}"] > *`);
  return Number((await cells.nth(index).textContent()).trim());
}

test('a viewer sees every interface and a failed row, and cannot retry it', { timeout: 120_000 }, async () => {
  const s = await session(browser);
  const { page } = s;
  try {
    await login(page, 'viewer');
    await screenshot(page, 'viewer-overview');

    // the overview: one row per interface the partner API lists, in that order; the schedule's jobs
    const listed = await page.$$eval('#interfaces tbody tr[data-interface]', (rows) => rows.map((r) => r.dataset.interface));
    assert.deepEqual(listed, await interfaceNames());
    const jobs = await page.$$eval('#jobs tbody th[scope=row]', (ths) => ths.map((th) => th.textContent.trim()));
    assert.deepEqual([...jobs].sort(), [...await jobNames()].sort());
    assert.match(await page.locator('header .who').textContent(), /viewer \(viewer\)/);

    // a row fails while the viewer watches: the overview's count goes up without a reload (htmx)
    const before = await overviewCount(page, 'employees', 'Failed');
    await page.evaluate(() => { window.notReloaded = true; });
    const department = uniqueCode('D-V');
    const [failed] = await failedEmployees([[uniqueCode('E-V'), department]]);
    await until(async () => (await overviewCount(page, 'employees', 'Failed')) === before + 1,
      { timeoutMs: 20_000, intervalMs: 250, what: 'the overview refreshing its failed count by itself' });
    assert.equal(await page.evaluate(() => window.notReloaded), true, 'the overview reloaded instead of refreshing in place');
    await screenshot(page, 'console-overview', { fullPage: false }); // the README's picture

    // the failed count is a link to the interface's failed rows; the new row is among them
    await Promise.all([page.waitForURL(/\/console\/records\?/),
      page.click('#interfaces tr[data-interface="employees"] a[href*="status=FAILED"]')]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('interface'), 'employees');
    assert.equal(url.searchParams.get('status'), 'FAILED');
    const rows = await recordRows(page);
    assert.ok(rows.every((r) => r.status === 'FAILED' && r.interfaceName === 'employees'), JSON.stringify(rows));
    const row = rows.find((r) => r.receipt === failed.receiptId);
    assert.ok(row, `receipt ${failed.receiptId} not among ${JSON.stringify(rows)}`);
    assert.equal(row.externalId, failed.employee);
    assert.equal(await page.locator('a[href^="/console/records/retry"]').count(), 0, 'a viewer is offered the bulk retry');

    // its page: why it failed, and nothing to press
    await Promise.all([page.waitForURL(`**/console/records/${failed.receiptId}`),
      page.click(`#records tr[data-receipt="${failed.receiptId}"] td:nth-child(4) a`)]);
    assert.deepEqual(await rowStatus(page), { status: 'FAILED', text: 'Failed' });
    assert.match(await page.locator('#error-message').textContent(), new RegExp(`department ${department}\\b`));
    assert.equal(JSON.parse(await page.locator('#payload').textContent()).departmentCode, department);
    assert.equal(await page.locator('#retry, #reapply, .actions button').count(), 0, 'a viewer sees a repair button');
    await screenshot(page, 'viewer-failed-row');

    // a retry posted from this page's context anyway (its cookies and a valid CSRF token): 403, nothing changes
    const token = await csrfToken(page);
    assert.ok(token, 'no CSRF token on the page');
    const response = await page.request.post(`/console/records/${failed.receiptId}/retry`,
      { form: { 'hub-csrf': token }, maxRedirects: 0 });
    assert.equal(response.status(), 403, `a viewer's retry answered ${response.status()}`);
    await page.reload();
    assert.equal((await rowStatus(page)).status, 'FAILED');
    assert.doesNotMatch(await page.locator('#history').textContent(), /retry/);

    s.check();
  } finally {
    await s.close();
  }
});
