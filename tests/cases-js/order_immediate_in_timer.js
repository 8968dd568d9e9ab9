// Inside a timer callback, the check phase comes before the next timers phase.
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
}, 10);
