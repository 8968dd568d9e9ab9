Promise.resolve(7).then(null).then(undefined, null).then((v) => console.log('passed through', v));
Promise.reject(new Error('e')).then((v) => console.log('skipped')).catch((e) => console.log('caught', e.message));
