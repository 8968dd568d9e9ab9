/* Promise.all, the twin of asyncio.gather
 * Each download starts as soon as it is called; Promise.all only waits for
 * them all. The run takes as long as the slowest, 1.0 s, not 2.25 s. Watch
 * main's card count down: "await Promise.all: 3 of 3 pending".
 * The Python twin is pair_gather.py, side by side with
 *   loopscope compare scenarios/pair_gather.py scenarios/pair_gather.js
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function download(name, ms) {
  console.log(`${name}: start`);
  await sleep(ms);
  console.log(`${name}: done`);
  return name;
}

async function main() {
  const got = await Promise.all([download('a', 1000), download('b', 500), download('c', 750)]);
  console.log('got', got);
}

main();
