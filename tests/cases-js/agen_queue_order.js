const log = (...a) => console.log(...a);
async function* gen() { log('start'); yield 1; log('after 1'); await null; yield 2; log('after 2'); return 'r'; }
async function tick(n) { for (let i = 0; i < n; i++) { log('tick', i); await null; } }
(async () => { for await (const x of gen()) log('got', x); log('loop done'); })();
tick(8);
const g = gen();
g.next().then(r => log('n1', r)); g.next().then(r => log('n2', r)); g.next().then(r => log('n3', r)); g.next().then(r => log('n4', r));
g.return('x').then(r => log('ret', r));
log(g, Object.prototype.toString.call(g));
