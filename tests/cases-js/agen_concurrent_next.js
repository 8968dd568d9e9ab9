// next() called three times without waiting: the requests queue up and are
// answered in order, each after the generator reaches its next yield
async function* slow() {
  for (const ms of [300, 100, 200]) {
    await new Promise((r) => setTimeout(r, ms));
    console.log('producing after', ms);
    yield ms;
  }
}
const g = slow();
const ps = [g.next(), g.next(), g.next(), g.next()];
ps.forEach((p, i) => p.then((r) => console.log('request', i, '->', r)));
Promise.all(ps).then(() => console.log('all answered'));
