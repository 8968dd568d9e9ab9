const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function main() {
  for (let i = 0; i < 3; i++) {
    await sleep(1000);
    console.log('slept', i, Date.now());
  }
}
main().then(() => console.log('done'));
