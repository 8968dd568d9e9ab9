Promise.all([]).then((v) => console.log('all', v));
Promise.allSettled([]).then((v) => console.log('allSettled', v));
Promise.race([]).then((v) => console.log('never'));
Promise.resolve().then(() => console.log('tick'));
