// browse.mjs: drives Debian's chromium headless (puppeteer-core) for
// tests/run_share.sh. Prints one JSON object per check, on one line each,
// for the shell script to judge; writes screenshots to look at.
//   node browse.mjs html PAGE.html OUT.png
//     loads the page from a file:// URL with every request watched, and
//     reports: requests other than the page itself, console errors and
//     page errors, the player's text on its first frame, the player's
//     time and text after pressing `]` (jump to the next marker), the
//     marker times in the recording, and where playing stops once
//     "pause at each step" is ticked.
//   node browse.mjs image DEMO.gif|PAGE.html OUT-PREFIX
//     opens the GIF (or a page whose first <img> it checks) and reports
//     the image's size and whether it animates by
//     itself (two screenshots some real time apart differ).
//   node browse.mjs svg ANIM.svg OUT-PREFIX
//     loads the animated SVG and reports: how many CSS animations run,
//     whether screenshots at two animation times differ (seeking the
//     animations, so the result does not depend on the machine's speed),
//     and whether the animation moves on by itself (two screenshots some
//     real time apart).
import puppeteer from 'puppeteer-core';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [mode, file, out] = process.argv.slice(2);
const url = pathToFileURL(path.resolve(file)).href;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--font-render-hinting=none'],
});
const say = (o) => console.log(JSON.stringify(o));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hash = (buf) => createHash('sha256').update(buf).digest('hex');
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  const requests = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:') && !u.startsWith('blob:')) {
      requests.push(u);
      r.abort();
    } else {
      r.continue();
    }
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => { if (!requests.includes(r.url())) errors.push('failed: ' + r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  if (mode === 'html') {
    // the first frame: the poster at 0 s, drawn once the recording is read
    await page.waitForFunction(
      () => { const t = document.querySelector('.ap-term-text, .ap-term'); return t && /RUNNING/.test(t.textContent); },
      { timeout: 20000 }).catch(() => {});
    const first = await page.evaluate(() => {
      const t = document.querySelector('.ap-term-text, .ap-term');
      return t ? t.textContent : '';
    });
    await page.screenshot({ path: out, fullPage: true });
    const markers = await page.evaluate(() => {
      const text = new TextDecoder().decode(Uint8Array.from(atob(
        document.getElementById('cast').getAttribute('href').split(',')[1]), (c) => c.charCodeAt(0)));
      return text.split('\n').slice(1).filter((l) => l).map((l) => JSON.parse(l))
        .filter((e) => e[1] === 'm').map((e) => e[0]);
    });
    // `]`: the player's own key for the next marker
    await page.focus('.ap-wrapper');
    const before = await page.evaluate(() => window.loopscopePlayer.getCurrentTime());
    await page.keyboard.press(']');
    await page.waitForFunction((b) => window.loopscopePlayer.getCurrentTime() > b, { timeout: 10000 }, before)
      .catch(() => {});
    await sleep(300);
    const after = await page.evaluate(() => ({
      time: window.loopscopePlayer.getCurrentTime(),
      text: document.querySelector('.ap-term-text, .ap-term') ? document.querySelector('.ap-term-text, .ap-term').textContent : '',
    }));
    await page.screenshot({ path: out.replace(/\.png$/, '-next.png') });
    // "pause at each step": the player is made again with pauseOnMarkers
    // at the same time; playing from there stops at the next marker
    await page.click('#pause');
    await page.waitForFunction(
      (t) => window.loopscopePlayer && Math.abs(window.loopscopePlayer.getCurrentTime() - t) < 1e-6,
      { timeout: 10000 }, after.time).catch(() => {});
    await page.focus('.ap-wrapper');
    await page.keyboard.press('Space');
    await page.waitForFunction((t) => window.loopscopePlayer.getCurrentTime() > t + 0.01,
      { timeout: 15000 }, after.time).catch(() => {});
    await sleep(1500);
    const paused = await page.evaluate(() => window.loopscopePlayer.getCurrentTime());
    say({ mode, requests, errors, first, before, after, markers, paused,
          title: await page.title(), steps: await page.$$eval('#steps li', (l) => l.length) });
  } else if (mode === 'image') {
    // an image that animates by itself: two screenshots 1.5 s apart differ
    await page.waitForFunction(() => document.images.length && document.images[0].complete, { timeout: 10000 });
    const size = await page.evaluate(() => [document.images[0].naturalWidth, document.images[0].naturalHeight]);
    const a = hash(await page.screenshot({ path: `${out}-a.png` }));
    await sleep(1500);
    const b = hash(await page.screenshot({ path: `${out}-b.png` }));
    say({ mode, requests, errors, size, runs_by_itself: a !== b });
  } else {
    const count = await page.evaluate(() => document.getAnimations().length);
    const at = async (ms) => {
      await page.evaluate((t) => document.getAnimations().forEach((a) => { a.pause(); a.currentTime = t; }), ms);
      await sleep(100);
      const shot = await page.screenshot({ path: `${out}-${ms}.png` });
      return hash(shot);
    };
    const running = hash(await page.screenshot());
    await sleep(1500);
    const later = hash(await page.screenshot());
    const t0 = await at(0), t1 = await at(5000);
    say({ mode, requests, errors, animations: count, seek_differs: t0 !== t1, runs_by_itself: running !== later });
  }
} finally {
  await browser.close();
}
