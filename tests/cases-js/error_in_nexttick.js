process.nextTick(() => { throw new TypeError('from nextTick'); });
Promise.resolve().then(() => console.log('not reached'));
