setTimeout(() => console.log('a 100'), 100);
setTimeout(() => console.log('b 50'), 50);
setTimeout(() => console.log('c 100'), 100);
setTimeout(() => console.log('d 50'), 50);
