/* An async function runs at once, until its first await
 * Calling an async function runs its body synchronously, like any call.
 * Only the await gives the call stack back: the rest of the body becomes a
 * microtask that runs after the current script. (A Python coroutine does
 * nothing at all until it is awaited or wrapped in a task.)
 */
async function greet(name) {
  console.log(`greet(${name}): runs now, synchronously`);
  await null;
  console.log(`greet(${name}): resumes after the script, as a microtask`);
  return `hello ${name}`;
}

console.log('before the call');
const p = greet('ada');
console.log('after the call: greet returned', p);
p.then((v) => console.log('its promise fulfilled with', v));
