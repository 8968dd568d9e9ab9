// split with captures and limits, search, lastIndex with the y flag, and
// case-insensitive classes
console.log('a1b22c333'.split(/(\d+)/), 'a, b ,c'.split(/\s*,\s*/, 2), 'abc'.split(/(?:)/u));
console.log('Hello'.search(/L/i), /[a-z]+/i.exec('123ABCdef')[0], /^[\w-]+$/.test('kebab-case_ok'));
const y = /\d/y;
y.lastIndex = 2;
console.log(y.test('ab3'), y.lastIndex, y.test('ab3'), y.lastIndex);
console.log('x'.repeat(3).replace(/x/g, (m, i) => i), 'The End'.replace(/(?<first>\w)(\w*)/g, '$2$<first>ay'));
console.log([...'k1=v1;k2=v2'.matchAll(/(\w+)=(\w+)/g)].map(([, k, v]) => `${k}->${v}`), /a|ab/.exec('abc')[0], /(?:ab)+?/.exec('ababab')[0]);
