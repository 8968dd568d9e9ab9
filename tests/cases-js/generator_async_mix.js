// A generator driving async work: each step awaits a timer.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function* plan() {
  yield 300;
  yield 100;
  yield 200;
}
async function main() {
  for (const ms of plan()) {
    await sleep(ms);
    console.log('slept', ms, 'at', Date.now());
  }
  const lazy = plan();
  setTimeout(() => console.log('timer sees', lazy.next()), 50);
  console.log('main sees', lazy.next());
}
main();
