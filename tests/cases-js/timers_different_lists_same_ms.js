setTimeout(() => console.log('a: 20ms list'), 20);
setTimeout(() => {
  setTimeout(() => console.log('b: 10ms list, due at 20'), 10);
}, 10);
setTimeout(() => console.log('c: 20ms list'), 20);
