// async generators compose: a source, a map stage and a filter stage, each
// pulling from the one before (a lazy pipeline on the virtual clock)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function* source() {
  for (let i = 1; i <= 6; i++) { await sleep(50); console.log('produce', i); yield i; }
}
async function* map(it, f) { for await (const x of it) yield f(x); }
async function* filter(it, p) { for await (const x of it) if (p(x)) yield x; }
async function main() {
  const out = [];
  for await (const x of filter(map(source(), (x) => x * x), (x) => x % 2 === 1)) {
    console.log('consume', x);
    out.push(x);
    if (out.length === 2) break;
  }
  console.log(out);
}
main();
