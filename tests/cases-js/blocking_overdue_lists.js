setTimeout(() => console.log('10a', Date.now()), 10);
setTimeout(() => console.log('20a', Date.now()), 20);
setTimeout(() => console.log('10b', Date.now()), 10);
setTimeout(() => {
  console.log('5 blocks', Date.now());
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  console.log('5 unblocked', Date.now());
}, 5);
