setTimeout(() => console.log('t1'), 1);
setTimeout(() => {
  console.log('t2');
  Promise.resolve().then(() => {
    console.log('p in t2');
    setTimeout(() => console.log('t from p'), 0);
  });
}, 1);
setTimeout(() => console.log('t3'), 1);
setTimeout(() => console.log('t4 at 2'), 2);
