Promise.resolve().then(() => { throw new SyntaxError('in then'); });
setTimeout(() => console.log('not reached'), 0);
