// an endless generator is fine when the consumer stops pulling; take()
// closes it, so its finally runs
function* naturals() {
  let n = 0;
  try { while (true) yield n++; } finally { console.log('naturals closed at', n); }
}
function* take(it, k) { for (const x of it) { if (k-- <= 0) return; yield x; } }
function* map(it, f) { for (const x of it) yield f(x); }
console.log([...take(map(naturals(), (x) => x * x), 5)]);
const [a, b, c] = naturals();
console.log(a, b, c);
const fib = function* () { let [x, y] = [0, 1]; for (;;) { yield x; [x, y] = [y, x + y]; } };
for (const f of fib()) { if (f > 50) break; process.stdout.write(f + ' '); }
console.log();
