setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('promise in timeout 1'));
}, 0);
setTimeout(() => {
  console.log('timeout 2');
  process.nextTick(() => console.log('tick in timeout 2'));
}, 0);
setImmediate(() => {
  console.log('immediate 1');
  Promise.resolve().then(() => console.log('promise in immediate 1'));
});
setImmediate(() => console.log('immediate 2'));
