/* setTimeout registers a callback and returns
 * setTimeout does not wait: it puts a timer on the list and the code goes
 * on, so "C" prints at once and "B" a second later, from the callback:
 * A, C, B. Python's await asyncio.sleep(1) pauses instead: see
 * pair_settimeout.py, side by side with
 *   loopscope compare scenarios/pair_settimeout.py scenarios/pair_settimeout.js
 */
function main() {
  console.log('A');
  setTimeout(() => console.log('B, one second later'), 1000);
  console.log('C');
}

main();
