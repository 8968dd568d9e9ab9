const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function job(ms, fail) {
  await sleep(ms);
  console.log('job', ms, fail ? 'fails' : 'ok', 'at', Date.now());
  if (fail) throw new Error('job ' + ms);
  return ms;
}
Promise.all([job(300), job(100, true), job(200)])
  .then((v) => console.log('all', v))
  .catch((e) => console.log('all rejected at', Date.now(), e.message));
