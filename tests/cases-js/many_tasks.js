// The largest case: 2,000 async tasks on 37 timer lists, with microtask
// chains between them; only a summary is printed.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let done = 0;
const order = [];
async function task(i) {
  await sleep((i * 7919) % 37 + 1);
  await Promise.resolve();
  for (let k = 0; k < 3; k++) await null;
  done++;
  if (i % 250 === 0) order.push(`${i}@${Date.now()}`);
  return i % 10;
}
async function main() {
  const tasks = [];
  for (let i = 0; i < 2000; i++) tasks.push(task(i));
  const results = await Promise.all(tasks);
  console.log('done', done, 'sum', results.reduce((a, b) => a + b, 0), 'at', Date.now());
  console.log(order);
  let n = 0;
  const iv = setInterval(() => {
    if (++n === 100) {
      clearInterval(iv);
      console.log('interval ran', n, 'times, until', Date.now());
    }
  }, 3);
}
main();
