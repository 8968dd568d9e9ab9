async function f() { throw new Error('sync part'); }
const p = f();
console.log('call returned normally');
p.catch((e) => console.log('rejected', e.message));
