console.log(Math.floor(2.7), Math.ceil(2.1), Math.round(2.5), Math.round(-2.5), Math.abs(-3), Math.max(1, 9, 3), Math.min());
console.log(Math.sqrt(16), Math.pow(2, 10), 2 ** 10, 7 % 3, -7 % 3, 5 / 2, 1 / 0, -1 / 0, 0 / 0);
console.log(Number('42'), Number(''), Number('x'), parseInt('42px'), parseFloat('3.5kg'), parseInt('ff', 16));
console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isNaN(NaN), isNaN('abc'), Number.MAX_SAFE_INTEGER);
console.log((1.005).toFixed(2), (0.5).toFixed(0), (1234.5678).toFixed(1), (-1.5).toFixed(0), 0.1 * 3, 100 / 3);
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, -16 >> 2, -16 >>> 28);
