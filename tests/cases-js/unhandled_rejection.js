// Node 20 ends the process on an unhandled rejection.
setTimeout(() => console.log('never'), 0);
Promise.reject(new TypeError('oops'));
console.log('sync');
