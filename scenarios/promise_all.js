/* Promise.all: three requests at once
 * Each request starts as soon as it is called; Promise.all only waits for
 * all of them. The total is the slowest request (1.5 s), not the sum (3 s).
 * This is what asyncio.gather does in Python.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchJson(name, ms) {
  console.log(`${name}: request sent`);
  await sleep(ms);
  console.log(`${name}: reply after ${ms} ms`);
  return { name, ms };
}

async function main() {
  const results = await Promise.all([
    fetchJson('user', 1000),
    fetchJson('posts', 1500),
    fetchJson('likes', 500),
  ]);
  console.log('all done at', Date.now(), 'ms:', results.map((r) => r.name));
}

main();
