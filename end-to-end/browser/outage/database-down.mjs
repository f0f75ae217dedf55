// The console while its database is down, in Chromium. It stops PostgreSQL for good (the command in
// HUB_STOP_DATABASE, which .ci/console-check gives), so it runs alone, after every other browser test, and its
// name does not match node --test's patterns. A person signed in before the outage, and one signing in during it,
// each get the console's own page, "数据库暂不可用" or "The database is unavailable" in their language: 503 with
// Retry-After, the console's CSP and a way back, never the API's JSON problem.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PROCESSOR, until } from '../lib/hub.mjs';
import { ACCOUNTS, CSP, launch, login, screenshot, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Records what the page loads from /console-assets/ (its stylesheet, script and icon) and where Chromium reports a
 * failed load: the page itself answers 503, and nothing else may.
 */
function watchLoads(page) {
  const loads = { assets: [], failed: [] };
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/console-assets/')) {
      loads.assets.push({ path: new URL(response.url()).pathname, status: response.status(),
        type: response.headers()['content-type'] || '' });
    }
  });
  page.on('console', (message) => {
    if (/status of 503/.test(message.text())) loads.failed.push(message.location().url);
  });
  return loads;
}

/** The page loaded its own stylesheet and script, as CSS and JavaScript, and the stylesheet applies. */
async function assertStyled(page, loads) {
  const css = loads.assets.find((a) => a.path === '/console-assets/console.css');
  const js = loads.assets.find((a) => a.path === '/console-assets/console.js');
  // 200, or 304 where the browser asked again for what it had (Cache-Control: no-cache)
  assert.ok([css?.status, js?.status].every((status) => status === 200 || status === 304), JSON.stringify(loads.assets));
  // a 304 has no type of its own: the copy it confirms was the 200 before the outage
  if (css.status === 200) assert.match(css.type, /^text\/css/);
  if (js.status === 200) assert.match(js.type, /javascript/);
  assert.ok(await page.evaluate(() => [...document.styleSheets]
    .some((sheet) => sheet.href?.endsWith('/console-assets/console.css') && sheet.cssRules.length > 0)),
  'console.css applies');
  const pages = new Set(loads.failed.filter((url) => !new URL(url).pathname.startsWith('/console/')));
  assert.deepEqual([...pages], [], 'a load other than the page itself failed with 503');
}

/** The answer is the console's outage page: 503, Retry-After, CSP, HTML in `lang`, its title and a link back. */
async function assertOutagePage(page, response, { lang, title, back }) {
  assert.equal(response.status(), 503, `${page.url()} answered ${response.status()}`);
  const headers = response.headers();
  assert.ok(Number(headers['retry-after']) > 0, `Retry-After: ${headers['retry-after']}`);
  assert.match(headers['content-type'], /^text\/html/);
  assert.ok((headers['content-security-policy'] || '').includes(CSP), `CSP: ${headers['content-security-policy']}`);
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  assert.equal(await page.locator('.problem-page').getAttribute('data-status'), '503');
  assert.equal((await page.locator('.problem-page h1').textContent()).trim(), title);
  assert.equal(await page.locator(`.problem-page a[href="${back}"]`).count(), 1, `a link back to ${back}`);
}

test('with the database down, the console answers its own page in the reader\'s language', { timeout: 120_000 }, async () => {
  const signedIn = await session(browser, { locale: 'en-US' });
  const arriving = await session(browser, { locale: 'zh-CN' });
  try {
    await login(signedIn.page, 'viewer');
    await arriving.page.goto('/console/login'); // the form itself needs no database
    const signedInLoads = watchLoads(signedIn.page);
    const arrivingLoads = watchLoads(arriving.page);

    assert.ok(process.env.HUB_STOP_DATABASE, 'HUB_STOP_DATABASE names the command that stops PostgreSQL');
    execSync(process.env.HUB_STOP_DATABASE, { stdio: 'inherit' });
    await until(async () => (await fetch(`${PROCESSOR}/q/health/ready`)).status === 503,
      { what: 'the processor reporting itself not ready' });

    // signed in before: the next page cannot read the account
    const next = await signedIn.page.goto('/console/records?status=FAILED');
    await assertOutagePage(signedIn.page, next, { lang: 'en', title: 'The database is unavailable', back: '/console/login' });
    await assertStyled(signedIn.page, signedInLoads);
    await screenshot(signedIn.page, 'outage-en');

    // signing in now, in Chinese
    const { username, password } = ACCOUNTS.ops;
    await arriving.page.fill('input[name=j_username]', username);
    await arriving.page.fill('input[name=j_password]', password);
    const [answer] = await Promise.all([
      arriving.page.waitForResponse((r) => r.request().isNavigationRequest()),
      arriving.page.click('form button[type=submit]'),
    ]);
    await arriving.page.waitForLoadState();
    await assertOutagePage(arriving.page, answer, { lang: 'zh-CN', title: '数据库暂不可用', back: '/console/login' });
    await assertStyled(arriving.page, arrivingLoads);
    await screenshot(arriving.page, 'outage-zh');

    // Chromium reports the 503 document as a failed load (checked above: only the page); nothing else may go wrong
    for (const s of [signedIn, arriving]) {
      assert.deepEqual(s.problems.filter((p) => !/status of 503/.test(p)), []);
    }
  } finally {
    await signedIn.close();
    await arriving.close();
  }
});
