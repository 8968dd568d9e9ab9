Promise.reject(new Error('late'));
queueMicrotask(() => console.log('microtask still runs'));
process.nextTick(() => console.log('tick still runs'));
