// The operator's repair story: a failed employee found by its external id, why it failed read on its
// page (its department is missing), the department sent through the intake, Retry pressed, and the
// row applied.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDepartment, failedEmployees, receipt, uniqueCode } from '../lib/hub.mjs';
import { launch, login, recordRows, reloadUntilStatus, rowStatus, screenshot, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an operator finds a failed employee, sends its missing department and retries it', { timeout: 120_000 }, async () => {
  const department = uniqueCode('D-R');
  const [failed] = await failedEmployees([[uniqueCode('E-R'), department]]);
  const s = await session(browser);
  const { page } = s;
  try {
    await login(page, 'ops');

    // the search box finds it by its external id: that record's one row, failed
    await page.click('nav a[href="/console/records"]');
    await page.fill('input[name=q]', failed.employee);
    await Promise.all([page.waitForURL(/[?&]q=/), page.press('input[name=q]', 'Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('q'), failed.employee);
    assert.equal(await page.inputValue('input[name=q]'), failed.employee, 'the search box forgot the search');
    const rows = await recordRows(page);
    assert.deepEqual(rows.map((r) => [r.receipt, r.status, r.externalId]), [[failed.receiptId, 'FAILED', failed.employee]]);
    assert.match(rows[0].error, new RegExp(`department ${department}\\b`));
    await screenshot(page, 'repair-search');

    // its page says why: the department it names is missing
    await Promise.all([page.waitForURL(`**/console/records/${failed.receiptId}`),
      page.click(`#records tr[data-receipt="${failed.receiptId}"] td:nth-child(4) a`)]);
    assert.deepEqual(await rowStatus(page), { status: 'FAILED', text: 'Failed' });
    const why = await page.locator('#error-message').textContent();
    assert.match(why, new RegExp(`department ${department}\\b`));
    assert.match(why, /never created/);
    assert.equal(JSON.parse(await page.locator('#payload').textContent()).departmentCode, department);
    await screenshot(page, 'repair-failed-row');
    await screenshot(page, 'console-record', { fullPage: false }); // the README's picture

    // the partner system sends the department; the row stays FAILED until someone retries it
    await createDepartment(department, 'Cardiology');
    await page.reload();
    assert.equal((await rowStatus(page)).status, 'FAILED');

    // Retry: back on the row's page, which says so; then applied
    await Promise.all([page.waitForURL(/done=retried/), page.click('#retry')]);
    assert.match(await page.locator('p.notice[role=status]').textContent(), /pending again/);
    await reloadUntilStatus(page, 'PROCESSED');
    assert.deepEqual(await rowStatus(page), { status: 'PROCESSED', text: 'Processed' });
    assert.equal((await page.locator('#error-message').textContent()).trim(), '', 'a processed row still shows an error');
    assert.equal(await page.locator('#retry').count(), 0, 'a processed row still offers Retry');
    assert.match(await page.locator('#history').textContent(), /ops: retried the row \(record\.retry\)/);
    assert.match(await page.locator('#receipts').textContent(), /Processed/);
    await screenshot(page, 'repair-processed');

    // the audit log lists the retry: who, what, on which row
    await page.goto('/console/audit?action=record.retry');
    const entry = page.locator(`#audit tr[data-action="record.retry"]:has(a[href="/console/records/${failed.receiptId}"])`);
    assert.equal(await entry.count(), 1, 'the retry is not in the audit log');
    assert.match(await entry.textContent(), /\bops\b/);

    // and the partner sees it applied too
    const seen = await receipt(failed.receiptId);
    assert.equal(seen.status, 'PROCESSED');
    assert.equal(seen.errorMessage, null);

    s.check();
  } finally {
    await s.close();
  }
});
