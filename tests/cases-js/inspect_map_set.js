const m = new Map([['a', 1], ['b', { c: 2 }]]);
const s = new Set([1, 'two', [3]]);
console.log(m, s);
console.log(new Map(), new Set());
console.log(m.size, s.size, m.get('a'), s.has(1), m.has('z'));
