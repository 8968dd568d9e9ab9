// 10k promises: Promise.all over async functions that await timers and microtasks
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function work(i) {
  await null;
  if (i % 3 === 0) await sleep(i % 50);
  await Promise.resolve(i);
  return i * 2;
}
async function main() {
  const ps = [];
  for (let i = 0; i < 10000; i++) ps.push(work(i));
  const r = await Promise.all(ps);
  let sum = 0;
  for (const x of r) sum += x;
  console.log('sum', sum);
  const chained = await Array.from({ length: 10000 }, (_, i) => i).reduce((p, i) => p.then((s) => s + i), Promise.resolve(0));
  console.log('chained', chained);
}
main();
