// labels, getters/setters, computed keys, spread and the modern array and
// object helpers examples use
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log('pair', i, j);
  }
}
const k = 'dyn';
const o = { get twice() { return this.v * 2; }, set twice(x) { this.v = x / 2; }, v: 4, [k + 'Key']: 1, [`${k}2`]: 2 };
o.twice = 10;
console.log(o, o.twice, { ...o, extra: true });
console.log([1, [2, [3, [4]]]].flat(2), [1, 2].flatMap((x) => [x, x * 10]), [5, 12, 8].findLast((x) => x > 6), [1, 2, 3].at(-1));
console.log(Array.from(new Map([['a', 1]])), Array.from({ length: 3 }, (_, i) => i * i), Array.from('héllo'));
console.log(Object.fromEntries(Object.entries({ a: 1, b: 2 }).map(([key, v]) => [key.toUpperCase(), v * 10])));
const frozen = Object.freeze({ x: 1 });
frozen.x = 2;
console.log(frozen, Object.isFrozen(frozen), Object.assign({}, { a: 1 }, null, { b: 2 }));
console.log(JSON.stringify({ a: [1, { b: null }], c: 'x' }, null, 2));
console.log(JSON.stringify([new Date(0), undefined, () => 1], null, '--'));
