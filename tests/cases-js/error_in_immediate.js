setImmediate(() => console.log('first immediate'));
setImmediate(() => { throw new Error('second immediate'); });
setImmediate(() => console.log('third immediate: not reached'));
