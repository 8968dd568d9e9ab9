const fail = (ms, m) => new Promise((_, rej) => setTimeout(() => rej(new Error(m)), ms));
Promise.any([fail(10, 'a'), fail(20, 'b')]).catch((e) => {
  console.log(e.constructor.name, e.message, e.errors.map((x) => x.message));
});
Promise.any([fail(5, 'x'), Promise.resolve('first ok')]).then((v) => console.log(v));
