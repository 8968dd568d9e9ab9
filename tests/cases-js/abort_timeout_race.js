// A request raced against AbortSignal.timeout: the slow one is cancelled.
function request(name, ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(`${name} ok`); }, ms);
    function onAbort() { clearTimeout(t); reject(signal.reason); }
    signal.addEventListener('abort', onAbort);
  });
}
async function main() {
  for (const ms of [50, 500]) {
    const signal = AbortSignal.timeout(200);
    try {
      console.log(await request(`req ${ms}`, ms, signal), 'at', Date.now());
    } catch (e) {
      console.log(`req ${ms} failed:`, e.name, 'at', Date.now());
    }
  }
  const c = new AbortController();
  c.abort();
  c.signal.addEventListener('abort', () => console.log('added after abort: never called'));
  await request('late', 10, c.signal).catch((e) => console.log('rejected at once:', e.name, e.message));
}
main();
