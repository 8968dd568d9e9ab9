queueMicrotask(() => { throw new RangeError('from queueMicrotask'); });
Promise.resolve().then(() => console.log('not reached?'));
