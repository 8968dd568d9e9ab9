// Timers set from timers, with microtasks and immediates in between.
setTimeout(() => {
    console.log('outer at 50');
    setTimeout(() => console.log('inner +80'), 80);
    setImmediate(() => {
        console.log('immediate in outer');
        setTimeout(() => console.log('from immediate +120'), 120);
    });
    queueMicrotask(() => console.log('microtask in outer'));
}, 50);
setTimeout(() => console.log('at 400'), 400);
