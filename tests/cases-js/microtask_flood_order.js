for (let i = 0; i < 3; i++) {
  Promise.resolve(i).then((v) => console.log('then', v));
  queueMicrotask(() => console.log('qm', i));
  process.nextTick(() => console.log('tick', i));
}
