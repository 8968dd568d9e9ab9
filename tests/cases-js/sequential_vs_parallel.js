const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function job(name, ms) { await sleep(ms); console.log(name, 'done at', Date.now()); return name; }
async function main() {
  await job('seq1', 100);
  await job('seq2', 100);
  const all = await Promise.all([job('par1', 100), job('par2', 100)]);
  console.log(all, Date.now());
}
main();
