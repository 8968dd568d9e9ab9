// Timers far apart, intervals, immediates and promise chains between them.
console.log('start');
setTimeout(() => console.log('t200'), 200);
setTimeout(() => {
    console.log('t100');
    Promise.resolve().then(() => console.log('micro after t100'));
    process.nextTick(() => console.log('tick after t100'));
    setImmediate(() => console.log('immediate after t100'));
}, 100);
let n = 0;
const iv = setInterval(() => {
    n++;
    console.log('interval', n);
    if (n === 3) clearInterval(iv);
}, 70);
