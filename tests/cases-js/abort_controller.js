// AbortController, AbortSignal.timeout (an unref timer) and the abort event order.
const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); });
});
async function main() {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  try { await sleep(1000, ac.signal); } catch (e) { console.log('aborted', e.name, e.message, Date.now()); }
  const s = AbortSignal.timeout(250);
  try { await sleep(1000, s); } catch (e) { console.log('timeout', e.name, e.message, e instanceof Error, e.constructor.name, Date.now()); }
  console.log(ac.signal.aborted, s.aborted, AbortSignal.abort('why').reason);
  const c2 = new AbortController();
  c2.signal.onabort = () => console.log('onabort runs first');
  c2.signal.addEventListener('abort', () => console.log('then the listener'));
  c2.abort('custom');
  console.log(c2.signal.reason);
  try { c2.signal.throwIfAborted(); } catch (e) { console.log('thrown', e); }
  const idle = AbortSignal.timeout(5000);
  console.log('an unref timeout does not keep the loop alive', idle.aborted);
}
main();
