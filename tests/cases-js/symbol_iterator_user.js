// user iterables: Symbol.iterator methods work with for-of, spread,
// destructuring, Array.from, Set and Math.max; break calls return()
const it = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i, done: i++ >= 3 }),
      return() { console.log('closed'); return {}; },
    };
  },
};
console.log([...it]);
for (const x of it) { console.log(x); if (x == 1) break; }
const [p, q] = it;
console.log(p, q);
console.log(Array.from(it), new Set(it), Math.max(...it));
class Range {
  constructor(n) { this.n = n; }
  *[Symbol.iterator]() { for (let i = 0; i < this.n; i++) yield i * i; }
}
console.log([...new Range(4)], Object.keys(new Range(2)));
const [first, ...rest] = new Range(5);
console.log(first, rest);
console.log([1, 2, 3].entries().next(), [...[1, 2].keys()], Symbol.iterator in [], typeof [][Symbol.iterator]);
const arrIt = ['a', 'b'][Symbol.iterator]();
console.log(arrIt.next(), arrIt.next(), arrIt.next());
