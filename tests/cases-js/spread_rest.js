function sum(...nums) { return nums.reduce((s, n) => s + n, 0); }
const arr = [1, 2, 3];
console.log(sum(...arr), sum(...arr, 4, ...[5]));
console.log([0, ...arr, 4], [...'abc']);
const o = { a: 1, b: 2 };
console.log({ ...o, b: 3, c: 4 });
console.log(Math.max(...arr));
