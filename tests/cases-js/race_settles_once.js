const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const rejectLater = (ms) => new Promise((_, rej) => setTimeout(() => rej(new Error('late')), ms));
Promise.race([sleep(50, 'winner'), rejectLater(100)]).then((v) => console.log(v), (e) => console.log('no', e.message));
