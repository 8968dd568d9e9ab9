Promise.resolve().then(() => ({ then(r) { r('from thenable'); } })).then((v) => console.log(v));
Promise.resolve().then(() => console.log('x1')).then(() => console.log('x2')).then(() => console.log('x3')).then(() => console.log('x4'));
