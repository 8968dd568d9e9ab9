// return() on a paused generator runs its finally blocks; a finally that
// yields pauses the return; break and return in for-of close the iterator
function* a() {
  try { yield 1; yield 2; return 3; } finally { console.log('a finally'); }
}
const g = a();
console.log(g.next(), g.return(9), g.next());
for (const x of a()) { console.log('got', x); break; }
function first() { for (const x of a()) { return x; } }
console.log('first', first());
function* fin() { try { yield 1; } finally { yield 'cleanup'; console.log('after cleanup'); } }
const fi = fin();
console.log(fi.next(), fi.return(5), fi.next());
const fresh = a();
console.log(fresh.return('early'), fresh.next());
function* nested() {
  try { try { yield 'x'; } finally { console.log('inner finally'); } } catch (e) { console.log('never'); } finally { console.log('outer finally'); }
}
const n = nested(); n.next(); console.log(n.return('r'));
