// async generator methods on objects and classes, Symbol.asyncIterator on a
// class, and how console.log shows the objects
class Feed {
  constructor(items) { this.items = items; }
  async *[Symbol.asyncIterator]() { for (const it of this.items) { await null; yield it.toUpperCase(); } }
}
const obj = { async *pairs() { yield [1, 2]; yield [3, 4]; } };
async function main() {
  for await (const s of new Feed(['a', 'b'])) console.log(s);
  for await (const [a, b] of obj.pairs()) console.log(a + b);
  const g = obj.pairs();
  console.log(g, typeof g.next, g[Symbol.asyncIterator]() === g);
  console.log(await g.return('stop'), await g.next());
}
main();
