// Every console page, as each role and in each language, loads under its Content-Security-Policy
// without a violation, a console error or an uncaught page error; and the watch that says so does see
// a violation when there is one. (Every other scenario checks the pages it visits in the same way.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failedEmployees, uniqueCode, until } from '../lib/hub.mjs';
import { launch, login, PAGES, screenshot, session } from '../lib/console.mjs';

let browser;
let receiptId;
before(async () => {
  browser = await launch();
  [{ receiptId }] = await failedEmployees([[uniqueCode('E-H'), uniqueCode('D-H')]]);
});
after(async () => { await browser?.close(); });

test('the watch sees a CSP violation and an uncaught page error when a page has them', { timeout: 60_000 }, async () => {
  const s = await session(browser);
  try {
    await login(s.page, 'viewer');
    assert.deepEqual(s.problems, []);
    // an image from another origin (a loopback address: blocked before any request is made) ...
    await s.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'http://127.0.0.2:9/canary.png';
      document.body.append(img);
    });
    // ... and an exception nobody catches
    await s.page.evaluate(() => { setTimeout(() => { throw new Error('canary'); }); });
    await until(() => s.problems.length >= 2, { timeoutMs: 10_000, what: 'the watch noticing both' });
    assert.ok(s.problems.some((p) => /Content Security Policy/.test(p) && /127\.0\.0\.2/.test(p)), s.problems.join('\n'));
    assert.ok(s.problems.some((p) => /page error .*canary/.test(p)), s.problems.join('\n'));
  } finally {
    await s.close();
  }
});

const tours = [['viewer', 'en-US'], ['viewer', 'zh-CN'], ['ops', 'en-US'], ['ops', 'zh-CN']];
for (const [account, locale] of tours) {
  test(`every console page as ${account} in ${locale}: no CSP violation, console error or page error`, { timeout: 90_000 }, async () => {
    const s = await session(browser, { locale });
    const { page } = s;
    try {
      await login(page, account);
      if (account === tours[0][0] && locale === tours[0][1]) {
        // the overview refreshes itself: one refresh (an htmx request, swapped in) under the CSP as well
        const refresh = await page.waitForResponse((r) => new URL(r.url()).pathname === '/console'
          && r.request().headers()['hx-request'] === 'true', { timeout: 20_000 });
        assert.equal(refresh.status(), 200);
        await page.waitForSelector('#overview #interfaces');
      }

      for (const [name, spec] of Object.entries(PAGES)) {
        const path = spec.path.replace('{receiptId}', receiptId);
        if (spec.operatorOnly && account !== 'ops') {
          const denied = await page.request.get(path, { maxRedirects: 0 });
          assert.equal(denied.status(), 403, `${account} GET ${path}`);
          continue;
        }
        const response = await page.goto(path);
        assert.equal(response.status(), 200, `${account} GET ${path}`);
        await page.waitForSelector(spec.ready);
        assert.equal(await page.getAttribute('html', 'lang'), locale === 'zh-CN' ? 'zh-CN' : 'en', path);
        await screenshot(page, `tour-${account}-${locale}-${name}`);
      }
      const expected = Object.values(PAGES).filter((p) => account === 'ops' || !p.operatorOnly).length;
      assert.ok(s.visited.length >= expected + 1, `visited only ${s.visited.join(', ')}`);
      s.check();
    } finally {
      await s.close();
    }
  });
}
