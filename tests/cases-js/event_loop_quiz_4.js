const p = new Promise((resolve) => {
  setTimeout(() => { console.log('timer resolves'); resolve('R'); }, 10);
});
p.then((v) => console.log('then 1', v));
p.then((v) => console.log('then 2', v));
setTimeout(() => console.log('timer 10 b'), 10);
