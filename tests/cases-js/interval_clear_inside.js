let n = 0;
const iv = setInterval(() => {
  console.log('run', ++n, Date.now());
  if (n === 2) clearInterval(iv);
}, 30);
setTimeout(() => console.log('after', Date.now()), 100);
