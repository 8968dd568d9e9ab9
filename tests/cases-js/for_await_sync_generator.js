// for await over a sync generator of promises: each yielded promise is
// awaited before the body runs (unlike a plain for-of)
const delay = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
function* jobs() {
  yield delay('first', 300);
  yield delay('second', 100);
  yield 'third (not a promise)';
}
(async () => {
  for (const p of jobs()) console.log('for-of sees', p instanceof Promise ? 'a promise' : p);
  for await (const v of jobs()) console.log('for await sees', v);
})();
