// Awaiting a thenable takes extra microtask turns.
const thenable = { then(resolve) { console.log('then called'); resolve('T'); } };
async function f() {
  const v = await thenable;
  console.log('got', v);
}
f();
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));
