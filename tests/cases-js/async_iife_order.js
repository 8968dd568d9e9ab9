(async () => {
  console.log('iife 1 start');
  await Promise.resolve();
  console.log('iife 1 end');
})();
(async () => {
  console.log('iife 2 start');
  await new Promise((r) => setTimeout(r, 0));
  console.log('iife 2 end');
})();
console.log('after both');
