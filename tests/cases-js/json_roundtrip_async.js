const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function api(path) {
  await sleep(path.length * 10);
  return JSON.stringify({ path, items: [1, 2, 3], at: Date.now() });
}
async function main() {
  const raw = await api('/users');
  const data = JSON.parse(raw);
  console.log(data);
  console.log(JSON.stringify(data, null, '\t'));
}
main();
