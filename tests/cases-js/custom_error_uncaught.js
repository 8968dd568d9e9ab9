class MyError extends Error {}
setTimeout(() => { throw new MyError('custom'); }, 5);
