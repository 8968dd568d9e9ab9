const log = (...a) => console.log(...a);
async function tick(n) { for (let i = 0; i < n; i++) { log('tick', i); await null; } }
async function* inner() { try { yield 'i1'; const x = yield 'i2'; log('inner got', x); return 'inner-ret'; } finally { log('inner finally'); } }
async function* outer() { const r = yield* inner(); log('outer got', r); yield* ['s1', Promise.resolve('s2')]; yield 'o-last'; }
(async () => { for await (const v of outer()) log('v', v); log('loop done'); })();
tick(12);
(async () => { const g = outer(); log(await g.next()); log(await g.return('stop')); log(await g.next()); })();
(async () => { const g = outer(); await g.next(); try { await g.throw(new Error('into inner')); } catch (e) { log('throw out', e.message); } })();
