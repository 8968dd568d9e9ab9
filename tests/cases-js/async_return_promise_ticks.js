// Returning a promise from an async function costs extra microtask turns.
async function direct() { return 1; }
async function wrapped() { return Promise.resolve(2); }
wrapped().then((v) => console.log('wrapped', v));
direct().then((v) => console.log('direct', v));
Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2')).then(() => console.log('t3')).then(() => console.log('t4'));
