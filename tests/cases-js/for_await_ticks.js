// how many microtask turns each for await step takes: plain values from an
// array, values from an async generator, and a custom async iterator
async function tick(n) { for (let i = 0; i < n; i++) { console.log('tick', i); await null; } }
async function* ag() { yield 'g1'; yield 'g2'; }
const custom = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return { next: () => Promise.resolve({ value: 'c' + ++i, done: i > 2 }) };
  },
};
(async () => { for await (const v of ['a1', 'a2']) console.log(v); console.log('array done'); })();
(async () => { for await (const v of ag()) console.log(v); console.log('agen done'); })();
(async () => { for await (const v of custom) console.log(v); console.log('custom done'); })();
tick(10);
