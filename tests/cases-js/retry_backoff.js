const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let attempts = 0;
async function flaky() {
  attempts++;
  await sleep(10);
  if (attempts < 3) throw new Error(`attempt ${attempts} failed`);
  return 'success';
}
async function retry(fn, tries, delay) {
  for (let i = 0; i < tries; i++) {
    try { return await fn(); } catch (e) {
      console.log(e.message, 'at', Date.now(), '- waiting', delay * 2 ** i);
      await sleep(delay * 2 ** i);
    }
  }
  throw new Error('gave up');
}
retry(flaky, 5, 100).then((v) => console.log(v, Date.now()));
