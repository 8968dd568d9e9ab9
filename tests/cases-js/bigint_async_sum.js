// BigInt arithmetic across awaits: exact sums past Number.MAX_SAFE_INTEGER
const big = (n) => new Promise((r) => setTimeout(() => r(BigInt(n) ** 3n), 10));
async function main() {
  let total = 0n;
  for (const n of [2 ** 20, 2 ** 21, 2 ** 22]) total += await big(n);
  console.log(total, typeof total, total > Number.MAX_SAFE_INTEGER);
  console.log(Number(total), total.toString(16), BigInt.asUintN(8, 257n), BigInt.asIntN(8, 255n), BigInt.asIntN(64, 2n ** 63n));
  const values = await Promise.all([big(3), big(4)]);
  console.log(values, values.reduce((a, b) => a + b, 0n));
}
main();
