/* The phases of Node's event loop
 * After the script: every process.nextTick, then every promise job. Then
 * the loop turns: the timers phase runs due timers, the check phase runs
 * setImmediate callbacks. After each callback, nextTicks and microtasks run
 * again before the next callback.
 */
setTimeout(() => console.log('timer 1'), 0);
setTimeout(() => {
  console.log('timer 2');
  process.nextTick(() => console.log('  nextTick queued by timer 2'));
  Promise.resolve().then(() => console.log('  promise job queued by timer 2'));
}, 0);
setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('promise job'));
process.nextTick(() => console.log('nextTick'));
console.log('script');
