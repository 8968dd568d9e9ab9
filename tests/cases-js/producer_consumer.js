const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Queue {
  constructor() { this.items = []; this.waiters = []; }
  put(x) {
    const w = this.waiters.shift();
    if (w) w(x); else this.items.push(x);
  }
  get() {
    if (this.items.length) return Promise.resolve(this.items.shift());
    return new Promise((r) => this.waiters.push(r));
  }
}
const q = new Queue();
async function producer() {
  for (let i = 1; i <= 3; i++) { await sleep(100); q.put(i); console.log('put', i, Date.now()); }
  q.put(null);
}
async function consumer() {
  for (;;) {
    const x = await q.get();
    if (x === null) break;
    console.log('got', x, Date.now());
  }
  console.log('consumer done');
}
producer();
consumer();
