// an event stream as an async iterable: a class with Symbol.asyncIterator
// that hands out events as timers fire, and a consumer that stops early
class Ticker {
  constructor(every, count) { this.every = every; this.count = count; }
  async *[Symbol.asyncIterator]() {
    try {
      for (let i = 1; i <= this.count; i++) {
        await new Promise((r) => setTimeout(r, this.every));
        yield { n: i, at: Date.now() };
      }
    } finally {
      console.log('ticker cleaned up at', Date.now());
    }
  }
}
(async () => {
  for await (const ev of new Ticker(250, 10)) {
    console.log('event', ev);
    if (ev.n === 3) break;
  }
  console.log('consumer done');
})();
setTimeout(() => console.log('an unrelated timer at 600'), 600);
