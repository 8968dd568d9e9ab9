/* An async function's body runs at once
 * Calling greet() runs its body right away, up to its first await:
 * "greet: starts" prints before "main: called greet", and greet is done at
 * 0.5 s. Watch greet's card go RUNNING inside main's call. A Python
 * coroutine does the opposite: see pair_eager.py, side by side with
 *   loopscope compare scenarios/pair_eager.py scenarios/pair_eager.js
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function greet(name) {
  console.log(`greet: starts for ${name}`);
  await sleep(500);
  console.log(`greet: done with ${name}`);
}

async function main() {
  const p = greet('ada');
  console.log('main: called greet');
  await sleep(100);
  console.log('main: awaits it now');
  await p;
  console.log('main: done');
}

main();
