// BigInt literals, arithmetic past 2^53, mixing rules and printing
const a = 10n;
console.log(a, a * 3n, typeof a, 2n ** 64n, [1n], { a: 5n });
console.log(Number.MAX_SAFE_INTEGER + 2, BigInt(Number.MAX_SAFE_INTEGER) + 2n);
let fib = [0n, 1n];
for (let i = 2; i <= 100; i++) fib.push(fib[i - 1] + fib[i - 2]);
console.log(`fib(100) = ${fib[100]}`);
try {
  console.log(1n + 1);
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
console.log(7n / 2n, -7n / 2n, 7n % -2n, 1n < 1.5, 2n > 1, 0n == false, 1n === 1);
