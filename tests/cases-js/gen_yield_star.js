// yield* delegates to another generator (its return value is yield*'s value),
// to arrays and strings, and passes next(v) values through to the delegate
function* a() { yield 1; yield 2; return 3; }
function* b() {
  const r = yield* a();
  console.log('a returned', r);
  yield* [4, 5];
  yield* 'xy';
}
console.log([...b()]);
function* inner() { const x = yield 'i1'; console.log('inner got', x); return 'iret'; }
function* outer() { const r = yield* inner(); console.log('outer got', r); return 'done'; }
const o = outer();
console.log(o.next('ignored'));
console.log(o.next('hello'));
console.log(o.next());
function* tree(t) { if (!t) return; yield* tree(t.l); yield t.v; yield* tree(t.r); }
console.log([...tree({ v: 2, l: { v: 1 }, r: { v: 4, l: { v: 3 } } })]);
