const log = (...a) => console.log(...a);
async function tick(n) { for (let i = 0; i < n; i++) { log('tick', i); await null; } }
async function* inner() { try { yield 'i1'; } finally { log('inner finally'); } }
async function* outer() { yield* inner(); }
(async () => { const g = outer(); await g.next(); log('calling throw'); const p = g.throw(new Error('x')); log('throw returned'); try { await p; } catch (e) { log('rejected', e.message); } })();
tick(6);
