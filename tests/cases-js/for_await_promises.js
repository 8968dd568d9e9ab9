// for await over an array of promises: each value is awaited in order, so a
// slow first promise holds back the fast ones behind it
const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
async function main() {
  const started = [later('slow', 300), later('fast', 100), 'plain', Promise.resolve('ready')];
  for await (const v of started) console.log('got', v);
  console.log('Promise.all would give', await Promise.all(started));
}
main();
(async () => {
  for (let i = 0; i < 4; i++) { console.log('other microtask', i); await null; }
})();
