console.log({});
console.log({ a: 1, b: 'two', c: [3], d: { e: null } });
console.log({ 'needs-quotes': 1, valid_id: 2, $dollar: 3, 42: 'num key' });
console.log([]);
console.log([[]], [{}], { x: [] });
console.log({ a: { b: { c: { d: 1 } } } });
console.log([[[[1]]]]);
