// From the main script: our rule lets a millisecond pass, so the timeout runs first.
setImmediate(() => console.log('immediate'));
setTimeout(() => console.log('timeout'), 0);
