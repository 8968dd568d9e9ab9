// A nextTick queued by a microtask waits until the microtask queue is empty.
Promise.resolve().then(() => {
  console.log('p1');
  process.nextTick(() => console.log('tick from p1'));
}).then(() => console.log('p2'));
Promise.resolve().then(() => console.log('p3'));
