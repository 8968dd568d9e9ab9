const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function inner(n) { console.log('inner', n); await sleep(n * 10); return n * 2; }
async function middle(n) { const x = await inner(n); console.log('middle got', x); return x + 1; }
async function outer() {
  const [a, b] = await Promise.all([middle(1), middle(2)]);
  console.log('outer', a, b, Date.now());
}
outer();
console.log('sync end');
