const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const steps = [100, 200, 50];
steps.reduce((p, ms) => p.then(async () => { await sleep(ms); console.log('step', ms, 'at', Date.now()); }), Promise.resolve())
  .then(() => console.log('all steps done'));
