const s = '  Hello, World  ';
console.log(s.trim(), s.trimStart(), s.trimEnd() + '|');
console.log('abc'.toUpperCase(), 'ABC'.toLowerCase(), 'abc'.at(-1), 'abc'.charAt(1), 'abc'.charCodeAt(0));
console.log('a,b,c'.split(','), 'abc'.split(''), 'a-b-c'.replace('-', '+'), 'a-b-c'.replaceAll('-', '+'));
console.log('5'.padStart(3, '0'), 'x'.padEnd(4, '-'), 'ab'.repeat(3), 'hello'.slice(1, -1), 'hello'.substring(3, 1));
console.log('hello'.startsWith('he'), 'hello'.endsWith('lo'), 'hello'.includes('ll'), 'hello'.indexOf('l'), 'hello'.lastIndexOf('l'));
console.log('abc'.length, 'a' + 1 + 2, 1 + 2 + 'a', `${1}${2}`, String(123), (255).toString(16), (3.14159).toFixed(2));
