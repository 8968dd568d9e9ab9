const t = setTimeout(() => console.log('unref: never'), 100);
t.unref();
setTimeout(() => console.log('ref runs'), 50);
