// The overview refreshes itself only while someone is there. Left alone for as long as an idle session
// lasts, it stops asking (a screen left open neither loads the database nor keeps its session alive)
// and says so; the first movement of the pointer starts it again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { until } from '../lib/hub.mjs';
import { launch, login, session } from '../lib/console.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the overview stops refreshing when no one is there and resumes on the pointer', { timeout: 120_000 }, async () => {
  const s = await session(browser);
  const { page } = s;
  try {
    await login(page, 'viewer');
    let refreshes = 0;
    page.on('request', (request) => {
      if (request.headers()['hx-request'] && new URL(request.url()).pathname === '/console') refreshes += 1;
    });
    await until(async () => refreshes > 0, { timeoutMs: 20_000, intervalMs: 250, what: 'a first refresh' });
    assert.equal(await page.locator('#refresh-paused').isVisible(), false);

    // the session's idle time, as the page was told it (30 min), made one second so the test need not wait
    const idle = await page.getAttribute('#overview', 'data-idle-seconds');
    assert.ok(Number(idle) >= 60, `idle limit ${idle}`);
    await page.evaluate(() => { document.getElementById('overview').dataset.idleSeconds = '1'; });
    await page.locator('#refresh-paused').waitFor({ state: 'visible', timeout: 20_000 });
    const paused = refreshes;
    await page.waitForTimeout(12_000); // more than two refresh intervals
    assert.equal(refreshes, paused, 'the overview kept asking while no one was there');

    // someone is back: the pointer moves (more often than the one second of idleness the page now allows)
    let x = 200;
    await until(async () => {
      x += 3;
      await page.mouse.move(x, 300);
      return refreshes > paused;
    }, { timeoutMs: 20_000, intervalMs: 250, what: 'a refresh while the pointer moves' });
    assert.equal(await page.locator('#refresh-paused').isVisible(), false);
    s.check();
  } finally {
    await s.close();
  }
});
