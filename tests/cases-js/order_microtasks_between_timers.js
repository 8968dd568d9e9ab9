// Microtasks run between two timers that are due together.
setTimeout(() => {
  console.log('t1');
  Promise.resolve().then(() => console.log('micro after t1'));
}, 5);
setTimeout(() => console.log('t2'), 5);
