const t = setTimeout(() => console.log('cleared: never'), 10);
setTimeout(() => console.log('kept'), 20);
clearTimeout(t);
const i = setImmediate(() => console.log('cleared immediate: never'));
clearImmediate(i);
