console.log('%s is %d years', 'Bob', 42);
console.log('%i %f', 3.9, '2.5');
console.log('%j', { a: [1, 2] });
console.log('100%% sure', 'extra');
console.log('%O and %O', [1], { b: 2 });
console.log('%s', { x: 1 }, 'rest');
console.log('%c styled', 'color: red');
console.log('no args %s');
