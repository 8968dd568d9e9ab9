// an async generator: each next() returns a promise; for await pulls one
// value at a time, and the body's awaits interleave with other microtasks
async function* countdown(n) {
  while (n > 0) {
    await new Promise((r) => setTimeout(r, 100));
    yield n--;
  }
  return 'liftoff';
}
async function main() {
  for await (const n of countdown(3)) console.log('T-minus', n);
  const g = countdown(1);
  console.log(await g.next());
  console.log(await g.next());
  console.log(await g.next());
}
main();
setTimeout(() => console.log('a timer between the steps'), 150);
