// The console in Chinese: a browser that asks for zh-CN gets Chinese pages (a failed row reads 失败),
// and the header's switcher changes the language for every page after it, back and forth.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failedEmployees, uniqueCode } from '../lib/hub.mjs';
import { launch, login, recordRows, rowStatus, screenshot, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const lang = (page) => page.getAttribute('html', 'lang');

/** Clicks the header's switcher to `to` ('en' or 'zh') and checks it came back to the same page. */
async function switchTo(page, to) {
  const expected = to === 'zh' ? 'zh-CN' : 'en';
  const was = new URL(page.url());
  assert.notEqual(await lang(page), expected);
  await page.click(`header .lang a[href^="/console/lang/${to}?"]`);
  await page.waitForSelector(`html[lang="${expected}"]`); // the next page, in the other language
  const now = new URL(page.url());
  assert.equal(now.pathname + now.search, was.pathname + was.search, 'the switcher did not come back to the page');
  assert.equal(await page.getAttribute('header .lang a[aria-current=true]', 'lang'), expected);
}

test('in Chinese a failed row reads 失败, and the language switcher sticks across pages', { timeout: 120_000 }, async () => {
  const [failed] = await failedEmployees([[uniqueCode('E-Z'), uniqueCode('D-Z')]]);
  const s = await session(browser, { locale: 'zh-CN' }); // Accept-Language: zh-CN
  const { page } = s;
  try {
    // the login page already speaks the browser's language
    await page.goto('/console/login');
    assert.equal(await lang(page), 'zh-CN');
    assert.equal((await page.locator('form button[type=submit]').textContent()).trim(), '登录');
    await login(page, 'viewer');
    assert.match(await page.locator('#interfaces thead').textContent(), /接口.*待处理.*处理中.*失败/s);
    await screenshot(page, 'zh-overview');

    // the failed row, found by its external id: 失败 in the list and on its page
    await page.goto(`/console/records?q=${failed.employee}`);
    const [row] = await recordRows(page);
    assert.deepEqual([row.receipt, row.status, row.statusText], [failed.receiptId, 'FAILED', '失败']);
    await page.click(`#records tr[data-receipt="${failed.receiptId}"] td:nth-child(4) a`);
    await page.waitForURL(`**/console/records/${failed.receiptId}`);
    assert.deepEqual(await rowStatus(page), { status: 'FAILED', text: '失败' });
    assert.equal((await page.locator('main h2').first().textContent()).trim(), '记录');
    await screenshot(page, 'zh-failed-row');

    // English by the switcher, on this page and on the next ones, though the browser still asks for zh-CN
    await switchTo(page, 'en');
    assert.deepEqual(await rowStatus(page), { status: 'FAILED', text: 'Failed' });
    await page.click('nav a[href="/console"]');
    await page.waitForSelector('#interfaces');
    assert.equal(await lang(page), 'en');
    assert.match(await page.locator('#interfaces thead').textContent(), /Interface.*Pending.*Processing.*Failed/s);
    await page.goto(`/console/records?q=${failed.employee}&status=FAILED`);
    assert.equal(await lang(page), 'en');
    assert.equal((await recordRows(page))[0].statusText, 'Failed');
    await screenshot(page, 'zh-switched-to-english');

    // and back to Chinese, which sticks in the same way (the filter kept by the switcher's return)
    await switchTo(page, 'zh');
    assert.equal((await recordRows(page))[0].statusText, '失败');
    assert.equal(await page.inputValue('input[name=q]'), failed.employee);
    await page.goto(`/console/records/${failed.receiptId}`);
    assert.deepEqual(await rowStatus(page), { status: 'FAILED', text: '失败' });
    await page.click('nav a[href="/console"]');
    await page.waitForSelector('#interfaces');
    assert.equal(await lang(page), 'zh-CN');

    s.check();
  } finally {
    await s.close();
  }
});
