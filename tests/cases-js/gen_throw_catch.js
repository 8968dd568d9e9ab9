// throw() raises inside the generator at its yield; a catch there can yield
// again; an uncaught one finishes the generator and reaches the caller
function* c() {
  try { yield 1; } catch (e) { console.log('caught', e); yield 'after'; }
  yield 'end';
}
const h = c();
console.log(h.next(), h.throw('boom'), h.next(), h.next());
function* d() { yield 1; yield 2; }
const k = d();
k.next();
try { k.throw(new Error('out')); } catch (e) { console.log('caller caught', e.message); }
console.log(k.next());
function* e2() { yield* d(); }
const m = e2(); m.next();
try { m.throw(new RangeError('through yield*')); } catch (e) { console.log(e.name, e.message); }
const unstarted = d();
try { unstarted.throw('early'); } catch (e) { console.log('unstarted throws', e); }
console.log(unstarted.next());
