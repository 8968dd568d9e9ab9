for (const [p, f] of [['(', ''], ['a**', ''], ['[b-a]', ''], ['x', 'gg'], ['(?<n>a)(?<n>b)', ''], ['\\k<zz>(?<a>x)', ''], ['a{2,1}', ''], [')', ''], ['\\', '']])
  try { new RegExp(p, f); console.log('ok', p); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(/a{,5}/.test('a{,5}'), /\k/.test('k'), /]/.test(']'), /{/.test('{'));
const words = 'the quick brown fox jumps over the lazy dog'.match(/\b\w{5}\b/g); console.log(words);
console.log('  padded  '.replace(/^\s+|\s+$/g, ''), 'camelCaseString'.replace(/([A-Z])/g, ' $1').toLowerCase());
console.log('2021-03-04T05:06:07'.match(/^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)$/).slice(1).map(Number));
console.log(/(a|ab)(c|bcd)(d*)/.exec('abcd'), /((a)|b)+/.exec('ab'));
