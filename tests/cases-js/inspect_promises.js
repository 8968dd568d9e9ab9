const pending = new Promise(() => {});
const done = Promise.resolve(42);
const failed = Promise.reject(new Error('x'));
failed.catch(() => {});
console.log(pending, done);
console.log(Promise.resolve({ a: 1 }));
async function f() {}
console.log(f());
