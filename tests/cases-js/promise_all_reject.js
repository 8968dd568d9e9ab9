const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const fail = (ms) => new Promise((_, rej) => setTimeout(() => rej(new RangeError('nope')), ms));
Promise.all([sleep(200, 1), fail(100)]).then(
  (v) => console.log('resolved', v),
  (e) => console.log('rejected', e.name, e.message, Date.now()),
);
