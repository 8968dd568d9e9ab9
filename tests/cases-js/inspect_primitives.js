console.log(1, -0, 0.1 + 0.2, 1e21, 1e-7, 123456789012, NaN, Infinity, -Infinity);
console.log(true, false, null, undefined);
console.log('top-level strings are raw', 'x');
console.log(['nested', "it's", 'say "hi"', `both ' and "`]);
console.log([1.5, -2, 3e-10, 2 ** 53]);
