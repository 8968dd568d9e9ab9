const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const obj = {
  async load() { await sleep(10); return 'loaded'; },
};
class Svc {
  async get(id) { await sleep(id); return { id }; }
  static async make() { return new Svc(); }
}
const fetchAll = async (ids) => Promise.all(ids.map(async (id) => (await (await Svc.make()).get(id)).id));
obj.load().then(console.log);
fetchAll([30, 10, 20]).then((v) => console.log(v, Date.now()));
