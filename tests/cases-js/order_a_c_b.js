// A, C, B: sync code, then microtasks, then timers.
console.log('A');
setTimeout(() => console.log('B'), 0);
Promise.resolve().then(() => console.log('C'));
