let n = 0;
function tick() { if (++n < 5) process.nextTick(tick); else console.log('ticks done', n); }
Promise.resolve().then(() => console.log('promise after all ticks'));
tick();
