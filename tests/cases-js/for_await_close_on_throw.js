// an exception leaving a for await body awaits the iterator's return()
// (its own errors dropped) before it goes on; break does too
const log = (...a) => console.log(...a);
async function tick(n) { for (let i = 0; i < n; i++) { log('tick', i); await null; } }
async function* src() { try { yield 1; yield 2; } finally { log('src finally'); await null; log('src finally after await'); } }
(async () => { try { for await (const x of src()) { log('got', x); throw new Error('body'); } } catch (e) { log('caught', e.message); } })();
tick(8);
const bad = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }), return() { log('bad return'); throw new Error('ignored'); } }; } };
(async () => { try { for await (const x of bad) throw new Error('first'); } catch (e) { log('caught', e.message); } })();
function* sync() { try { yield 'a'; } finally { log('sync finally'); } }
(async () => { try { for await (const x of sync()) throw new Error('s'); } catch (e) { log('caught', e.message); } })();
(async () => { for await (const x of [1, 2]) { if (x === 2) break; log('arr', x); } log('arr done'); })();
