/* A, C, B: sync code first, then microtasks, then timers
 * setTimeout(f, 0) does not mean "now": its callback waits for the timers
 * phase. A promise callback is a microtask, which runs as soon as the
 * current script ends, before any timer. So "C" prints before "B".
 */
console.log('A: sync');

setTimeout(() => {
  console.log('B: timer callback');
}, 0);

Promise.resolve().then(() => {
  console.log('C: promise callback (a microtask)');
});

console.log('end of the script');
