const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function main() {
  const ps = [];
  for (let i = 0; i < 3; i++) ps.push(sleep(30 - i * 10).then(() => console.log('i =', i, 'at', Date.now())));
  await Promise.all(ps);
  var j;
  const qs = [];
  for (j = 0; j < 3; j++) qs.push(sleep(5).then(() => console.log('j =', j)));
  await Promise.all(qs);
}
main();
