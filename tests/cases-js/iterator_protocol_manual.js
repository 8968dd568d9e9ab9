// driving iterators by hand: next() results, return() and throw() on a
// generator, and an object that is its own iterator
function* g() { try { const x = yield 1; console.log('got', x); yield 2; } catch (e) { console.log('caught', e); } }
const it = g();
console.log(it.next('ignored'), it.next('hello'), it.throw('oops'), it.next());
const countdown = {
  n: 3,
  [Symbol.iterator]() { return this; },
  next() { return this.n > 0 ? { value: this.n--, done: false } : { value: 'liftoff', done: true }; },
};
console.log([...countdown], countdown.next());
console.log(typeof it[Symbol.iterator], it[Symbol.iterator]() === it, Object.prototype.toString.call(it));
