/* The forgotten await
 * save() is called without await, yet its body runs at once: "saving
 * report" prints, main says it is done, and the save ends later on its
 * own, at 0.5 s. In Python the forgotten coroutine never runs at all:
 * see pair_forgotten_await.py, side by side with
 *   loopscope compare scenarios/pair_forgotten_await.py scenarios/pair_forgotten_await.js
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function save(item) {
  console.log(`saving ${item}`);
  await sleep(500);
  console.log(`${item} saved`);
}

async function main() {
  save('report');
  console.log('main: done?');
}

main();
