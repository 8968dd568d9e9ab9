const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function limit(tasks, n) {
  const results = [];
  let i = 0;
  async function worker(id) {
    while (i < tasks.length) {
      const k = i++;
      results[k] = await tasks[k]();
      console.log('worker', id, 'finished task', k, 'at', Date.now());
    }
  }
  await Promise.all(Array.from({ length: n }, (_, id) => worker(id)));
  return results;
}
const tasks = [300, 100, 200, 100, 50].map((ms, k) => () => sleep(ms).then(() => k * 10));
limit(tasks, 2).then((r) => console.log(r, Date.now()));
