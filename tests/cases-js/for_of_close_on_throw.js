function* g() { try { yield 1; yield 2; } finally { console.log('g finally'); } }
try { for (const x of g()) { console.log(x); throw new Error('body'); } } catch (e) { console.log('caught', e.message); }
const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { console.log('return called'); throw new Error('ignored'); } }; } };
try { for (const x of it) { throw new Error('first'); } } catch (e) { console.log('caught', e.message); }
function* outer() { for (const x of g()) { yield x * 10; } }
const o = outer(); console.log(o.next()); console.log(o.return('done'));
for (const x of g()) { if (x === 1) continue; console.log('cont', x); }
label: for (const a of g()) { for (const b of g()) { if (b === 2) continue label; console.log(a, b); } }
function f() { for (const x of g()) { try { return x; } finally { console.log('inner finally'); } } }
console.log(f());
