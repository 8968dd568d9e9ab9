// nextTicks queued by nextTicks still run before promise jobs.
process.nextTick(() => {
  console.log('tick 1');
  process.nextTick(() => console.log('tick 3'));
});
process.nextTick(() => console.log('tick 2'));
Promise.resolve().then(() => console.log('promise'));
