const o = { b: 2, a: 1, 10: 'ten', 2: 'two' };
console.log(Object.keys(o), Object.values(o), Object.entries(o));
console.log(Object.assign({}, o, { c: 3 }));
const frozen = Object.freeze({ x: 1 });
frozen.x = 2;
console.log(frozen.x, Object.isFrozen(frozen));
console.log(Object.fromEntries([['k', 'v']]), 'a' in o, o.hasOwnProperty('b'), Object.hasOwn(o, 'zz'));
delete o.a;
console.log(o);
