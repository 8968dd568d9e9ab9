const log = (...a) => console.log(...a);
async function tick(n) { for (let i = 0; i < n; i++) { log('tick', i); await null; } }
const p = (v, ms) => new Promise(r => setTimeout(() => r(v), ms));
(async () => { for await (const x of [p('a', 20), 'b', Promise.resolve('c'), p('d', 10)]) log('got', x); log('arr done'); })();
tick(6);
async function* fin() { try { yield 1; yield 2; } finally { log('fin cleanup'); await null; log('fin after await'); } }
(async () => { for await (const x of fin()) { log('fin got', x); break; } log('after break'); })();
(async () => { const g = fin(); log(await g.next()); log(await g.return(7)); log(await g.next()); })();
async function* thrower() { yield 1; throw new Error('bad'); }
(async () => { try { for await (const x of thrower()) log('t got', x); } catch (e) { log('caught', e.message); } })();
(async () => { const g = thrower(); await g.next(); try { await g.throw(new Error('in')); } catch (e) { log('throw() rejects', e.message); } log(await g.next()); })();
function* syncGen() { try { yield 'x'; yield 'y'; } finally { log('sync finally'); } }
(async () => { for await (const v of syncGen()) { log('sg', v); break; } })();
const it = { [Symbol.asyncIterator]() { let i = 0; return { next() { i++; return Promise.resolve({ value: i, done: i > 2 }); }, return() { log('custom return'); return Promise.resolve({ done: true }); } }; } };
(async () => { for await (const v of it) log('custom', v); for await (const v of it) { log('custom2', v); return; } })();
