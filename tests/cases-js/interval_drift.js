let last = 0;
let n = 0;
const iv = setInterval(() => {
  const now = Date.now();
  console.log('interval at', now, 'gap', now - last);
  last = now;
  if (++n === 3) clearInterval(iv);
}, 100);
setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150), 110);
