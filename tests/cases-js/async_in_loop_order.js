const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const items = [300, 100, 200];
items.forEach(async (ms) => { await sleep(ms); console.log('forEach', ms); });
(async () => {
  for (const ms of items) { await sleep(ms); console.log('for-of', ms, Date.now()); }
})();
