/* A, C, B
 * Sync code first (A), then microtasks (C, a promise callback), then
 * timers (B), even with a 0 ms delay: a timer waits for the timers phase.
 * Press i for the internals: the microtask queue and the timer list.
 * The same order in Python: see pair_a_c_b.py, side by side with
 *   loopscope compare scenarios/pair_a_c_b.py scenarios/pair_a_c_b.js
 */
console.log('A: sync');
setTimeout(() => console.log('B: timer callback'), 0);
Promise.resolve().then(() => console.log('C: promise callback'));
console.log('end of the script');
