const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.race([sleep(300, 'slow'), sleep(100, 'fast')]).then((v) => console.log(v, Date.now()));
