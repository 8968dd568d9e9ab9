// Generators: lazy, resumable frames; for-of pulls one value at a time.
function* count(n) {
  console.log('count starts');
  for (let i = 1; i <= n; i++) {
    console.log('yielding', i);
    const got = yield i;
    if (got) console.log('was sent', got);
  }
  return 'finished';
}
const g = count(2);
console.log('made the generator; nothing ran yet');
console.log(g.next(), g.next('hello'), g.next(), g.next());
for (const x of count(3)) console.log('loop body', x);
console.log([...count(2)], Array.from(count(1)));
function* naturals() { let n = 0; for (;;) yield n++; }
const it = naturals();
console.log(it.next().value, it.next().value, it.return(99), it.next());
const obj = { *items() { yield 'a'; yield 'b'; } };
class Tree { *walk() { yield 1; yield 2; } }
console.log([...obj.items()], [...new Tree().walk()]);
console.log(count, g);
function* thrower() {
  try { yield 1; } catch (e) { console.log('caught inside', e); yield 2; }
}
const t = thrower();
console.log(t.next(), t.throw('boom'), t.next());
const [first, second] = naturals();
console.log(first, second);
