const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function save() { await sleep(100); console.log('saved'); }
async function main() {
  save();
  console.log('main thinks it is done');
}
main().then(() => console.log('main resolved'));
