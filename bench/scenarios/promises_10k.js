// 10,000 async functions, each awaiting once, gathered by Promise.all.
async function work(i) {
  await null;
  return i * 2;
}
async function main() {
  const ps = [];
  for (let i = 0; i < 10000; i++) ps.push(work(i));
  const r = await Promise.all(ps);
  let s = 0;
  for (const x of r) s += x;
  console.log(s);
}
main();
