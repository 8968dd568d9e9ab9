// break in a for await over a pipeline of async generators closes each
// stage in turn, through their finally blocks
const log = (...a) => console.log(...a);
async function tick(n) { for (let i = 0; i < n; i++) { log('tick', i); await null; } }
async function* inner() { try { for (let i = 0; ; i++) yield i; } finally { log('inner closed'); } }
async function* mid() { try { for await (const x of inner()) yield x * 10; } finally { log('mid closed'); } }
(async () => { for await (const v of mid()) { log('v', v); if (v >= 20) break; } log('done'); })();
tick(10);
