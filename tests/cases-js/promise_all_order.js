// Promise.all resolves after its last element, plus its own turns.
const p = Promise.all([1, Promise.resolve(2)]);
p.then((v) => console.log('all', v));
Promise.resolve().then(() => console.log('a')).then(() => console.log('b')).then(() => console.log('c'));
