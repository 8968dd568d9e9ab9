console.log([1, 2, 3, 4, 5, 6]);
console.log([1, 2, 3, 4, 5, 6, 7]);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log([1, 'two', 3, 'four', 5, 'six', 7]);
