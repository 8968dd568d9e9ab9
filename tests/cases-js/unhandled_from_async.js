async function f() {
  await null;
  throw new RangeError('inside');
}
f();
setTimeout(() => console.log('not reached'), 1);
