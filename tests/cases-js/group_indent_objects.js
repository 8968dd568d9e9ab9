console.group('outer');
console.log({ a: 1, b: [1, 2] });
console.log('multi\nline');
console.groupEnd();
console.log('done');
