setTimeout(() => console.log('timer 100 at', Date.now()), 100);
setTimeout(() => console.log('timer 50 at', Date.now()), 50);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
console.log('blocked until', Date.now());
