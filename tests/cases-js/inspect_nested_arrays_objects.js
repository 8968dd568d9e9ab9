console.log([{ a: 1, b: { c: [1, 2, { d: 3 }] } }]);
console.log({ list: [[1, 2], [3, 4]], empty: {}, s: 'x' });
console.log([undefined, null, NaN, -0, 0]);
console.log({ u: undefined, n: null });
console.log([, 1, , 2, , ,]);
