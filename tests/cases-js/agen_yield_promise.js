// an async generator's yield awaits its operand: yielding a promise gives
// its value, and a rejected one throws inside the generator
async function* g() {
  yield Promise.resolve('resolved value');
  try {
    yield Promise.reject(new Error('rejected inside'));
  } catch (e) {
    console.log('generator caught', e.message);
    yield 'recovered';
  }
  return Promise.resolve('returned value');
}
(async () => {
  const it = g();
  console.log(await it.next());
  console.log(await it.next());
  console.log(await it.next());
  console.log(await it.next());
})();
