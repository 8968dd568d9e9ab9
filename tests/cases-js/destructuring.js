const { a, b: { c }, d = 4, ...rest } = { a: 1, b: { c: 3 }, e: 5, f: 6 };
console.log(a, c, d, rest);
const [x, , y = 'def', ...others] = [10, 20, undefined, 40, 50];
console.log(x, y, others);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
function f({ name, age = 0 }, [first] = ['none']) { return `${name}:${age}:${first}`; }
console.log(f({ name: 'n' }), f({ name: 'm', age: 3 }, ['z']));
for (const [k, v] of Object.entries({ k1: 1, k2: 2 })) console.log(k, v);
