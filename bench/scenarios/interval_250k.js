// 250,000 turns of a 1-second interval, then it stops itself: the finite
// twin of the endless setInterval (some 1,000,000 steps).
let n = 0;
const h = setInterval(() => {
    if (++n === 250000)
        clearInterval(h);
}, 1000);
