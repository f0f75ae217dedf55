// A bulk retry of a filter: the confirmation counts the FAILED rows the filter holds, confirming puts
// them back to pending, and each is then applied as its data allows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDepartment, failedEmployees, uniqueCode, until } from '../lib/hub.mjs';
import { launch, login, recordRows, screenshot, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a bulk retry of a filter counts its failed rows, and each is then applied or fails again', { timeout: 120_000 }, async () => {
  // three employees of one source system fail in one go: two in a department that is then sent, one in
  // a department that stays missing. The filter that holds them and nothing older: employees from HIS
  // received from now on (to the millisecond; the console takes an ISO instant in the query string).
  const from = new Date(Date.now() - 1).toISOString();
  const sent = uniqueCode('D-B');
  const missing = uniqueCode('D-B');
  const failed = await failedEmployees([[uniqueCode('E-B'), sent], [uniqueCode('E-B'), sent], [uniqueCode('E-B'), missing]]);
  const ids = failed.map((f) => f.receiptId).sort();
  const filter = new URLSearchParams({ interface: 'employees', status: 'FAILED', sourceSystem: 'HIS', from });

  const s = await session(browser);
  const { page } = s;
  try {
    await login(page, 'ops');
    await page.goto(`/console/records?${filter}`);
    assert.deepEqual((await recordRows(page)).map((r) => r.receipt).sort(), ids);

    // the link to the bulk retry carries the filter; its page counts the rows before anything changes
    await Promise.all([page.waitForURL(/\/console\/records\/retry\?/), page.click('a[href^="/console/records/retry?"]')]);
    const confirmUrl = new URL(page.url());
    for (const [name, value] of filter) {
      if (name !== 'from') assert.equal(confirmUrl.searchParams.get(name), value, `the bulk retry lost ${name}`);
    }
    assert.equal(new Date(confirmUrl.searchParams.get('from')).getTime(), new Date(from).getTime());
    assert.equal((await page.locator('#retry-count').textContent()).trim(), '3 failed rows match this filter.');
    assert.equal((await page.locator('#confirm-retry').textContent()).trim(), 'Retry these 3 rows');
    await screenshot(page, 'bulk-retry-confirm');

    // meanwhile the partner sends one of the two departments
    await createDepartment(sent);

    // confirm: back on the filter's list (every status now), which says how many went back to pending
    await Promise.all([page.waitForURL(/[?&]retried=3(&|$)/), page.click('#confirm-retry')]);
    assert.equal(await page.locator('p.notice[role=status]').textContent(), '3 failed rows went back to pending.');
    // the notice is said once: the address drops it, so a reload does not repeat it; the filter stays
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('retried'));
    const listUrl = new URL(page.url());
    assert.equal(listUrl.searchParams.get('interface'), 'employees');
    assert.equal(listUrl.searchParams.get('sourceSystem'), 'HIS');

    // then, reloading, each row settles: the two whose department came PROCESSED, the third FAILED again
    const settledRows = await until(async () => {
      await page.reload();
      const rows = await recordRows(page);
      return rows.length === 3 && rows.every((r) => r.status === 'PROCESSED' || r.status === 'FAILED') ? rows : null;
    }, { timeoutMs: 30_000, intervalMs: 500, what: 'the three retried rows being applied' });
    const byReceipt = Object.fromEntries(settledRows.map((r) => [r.receipt, r]));
    for (const f of failed) {
      const row = byReceipt[f.receiptId];
      assert.ok(row, `receipt ${f.receiptId} left the filter's list`);
      if (f.department === sent) {
        assert.equal(row.status, 'PROCESSED', `${f.employee}: ${JSON.stringify(row)}`);
        assert.equal(row.error, '');
      } else {
        assert.equal(row.status, 'FAILED', `${f.employee}: ${JSON.stringify(row)}`);
        assert.match(row.error, new RegExp(`department ${missing}\\b`));
      }
    }
    await screenshot(page, 'bulk-retry-done');

    // the confirmation of the same filter now counts only the one that failed again
    await page.goto(`/console/records/retry?${filter}`);
    assert.match((await page.locator('#retry-count').textContent()).trim(), /^1 failed rows? matche?s? this filter\.$/);

    s.check();
  } finally {
    await s.close();
  }
});
