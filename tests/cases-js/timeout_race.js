const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
function withTimeout(p, ms) {
  let t;
  const timeout = new Promise((_, rej) => { t = setTimeout(() => rej(new Error('timeout')), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}
withTimeout(sleep(50, 'fast'), 100).then((v) => console.log('ok', v, Date.now()));
withTimeout(sleep(500, 'slow'), 100).catch((e) => console.log('err', e.message, Date.now()));
