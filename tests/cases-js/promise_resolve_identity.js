const p = Promise.resolve(1);
console.log(Promise.resolve(p) === p, new Promise((r) => r(p)) === p);
