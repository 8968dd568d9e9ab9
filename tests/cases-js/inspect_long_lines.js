console.log({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', eps: 1 });
console.log({ a: 1, b: 2 });
console.log(['aaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbb', 'ccccccccccccccccc', 'ddddddddddddddd', 'eeeeeeeeeeeee']);
const o = { name: 'loopscope', tags: ['a', 'b'], nested: { deep: { deeper: { deepest: true } } }, n: 1 };
console.log(o);
