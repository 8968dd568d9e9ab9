const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.allSettled([sleep(50, 'ok'), Promise.reject(new Error('bad')), 3]).then((rs) => {
  for (const r of rs) console.log(r.status, r.status === 'fulfilled' ? r.value : r.reason.message);
});
