// Node 20 has no Promise.withResolvers (it came in Node 22): the usual
// hand-written version
console.log(typeof Promise.withResolvers);
function withResolvers() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
const { promise, resolve } = withResolvers();
promise.then((v) => console.log('resolved with', v));
setTimeout(() => resolve('late value'), 200);
