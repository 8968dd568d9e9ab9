const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function main() {
  const start = Date.now();
  const r = await Promise.all([sleep(300, 'a'), sleep(100, 'b'), 'c']);
  console.log(r, Date.now() - start);
}
main();
