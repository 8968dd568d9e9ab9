let n = 0;
const id = setInterval(() => {
  n++;
  console.log('tick', n, Date.now());
  if (n === 4) clearInterval(id);
}, 250);
