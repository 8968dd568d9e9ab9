// one user iterable used by every iteration consumer: for-of, spread,
// destructuring, Array.from, Map and Set constructors, Promise.all
const pairs = {
  *[Symbol.iterator]() { yield ['a', 1]; yield ['b', 2]; yield ['c', 3]; },
};
for (const [k, v] of pairs) console.log(k, v);
console.log([...pairs], Array.from(pairs, ([k]) => k), new Map(pairs), Object.fromEntries(pairs));
const [[firstKey], ...others] = pairs;
console.log(firstKey, others.length);
const delays = { *[Symbol.iterator]() { for (const ms of [30, 10, 20]) yield new Promise((r) => setTimeout(() => r(ms), ms)); } };
Promise.all(delays).then((v) => console.log('all', v));
Promise.race(delays).then((v) => console.log('race', v));
