const p1 = new Promise((r) => r(Promise.resolve('inner')));
p1.then((v) => console.log('p1', v));
Promise.resolve().then(() => console.log('a')).then(() => console.log('b')).then(() => console.log('c'));
