class A { #x = 1; static #n = 0; static { A.#n = 5; console.log('static block ran'); } #m() { return this.#x; } get v() { return this.#m() + A.#n; } has(o) { return #x in o; } inc() { this.#x++; this.#x += 10; return this.#x; } }
const a = new A(); console.log(a.v, a, a.has(a), a.has({}), a.inc(), Object.keys(a), JSON.stringify(a), Object.getOwnPropertyNames(a));
class Counter { #count = 0; static instances = 0; static { Counter.instances = 100; } increment() { return ++this.#count; } get #secret() { return 'hidden' + this.#count; } reveal() { return this.#secret; } }
const c = new Counter(); c.increment(); c.increment(); console.log(c.reveal(), Counter.instances, c, { ...c });
class B extends A { #x = 'b'; bx() { return this.#x; } } const b = new B(); console.log(b.bx(), b.v, b.has(b));
class Bank { #balance; constructor(b) { this.#balance = b; } async withdraw(n) { await null; if (n > this.#balance) throw new RangeError('insufficient'); this.#balance -= n; return this.#balance; } }
const acct = new Bank(100); acct.withdraw(30).then(v => console.log('left', v)); acct.withdraw(500).catch(e => console.log(e.name, e.message));
