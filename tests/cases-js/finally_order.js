Promise.resolve('v')
  .finally(() => console.log('finally 1'))
  .then((v) => console.log('then', v));
Promise.resolve()
  .then(() => console.log('plain 1'))
  .then(() => console.log('plain 2'))
  .then(() => console.log('plain 3'))
  .then(() => console.log('plain 4'));
