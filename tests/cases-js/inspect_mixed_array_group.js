console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
console.log([true, false, true, false, true, false, true]);
console.log([1, 22, 333, 4444, 55555, 666666, 7777777]);
