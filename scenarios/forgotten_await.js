/* A forgotten await
 * save() is called but not awaited: main() goes on at once and reports
 * success before the save has happened. The save still runs later, on its
 * timer. (In Python, a coroutine that is never awaited never runs at all.)
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function save(doc) {
  console.log(`saving ${doc}...`);
  await sleep(500);
  console.log(`${doc} saved`);
}

async function main() {
  save('report.txt'); // no await!
  console.log('main: all saved (not really)');
}

main().then(() => console.log('main finished'));
