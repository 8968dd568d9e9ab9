// BigInts as Map keys and in sorts: strict equality by value, comparisons
// with numbers, and a sort comparator that must return a number
const ids = [30n, 5n, 100n, 5n];
const seen = new Map();
for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
console.log(seen, seen.get(5n), new Set(ids).size);
console.log([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 5n == 5, 5n === 5, 2n < 3, [2n, 1, 3n].sort());
console.log(BigInt(Number.MAX_SAFE_INTEGER) * 2n, (2n ** 53n + 1n).toString(), -(2n ** 70n), 0n === -0n);
