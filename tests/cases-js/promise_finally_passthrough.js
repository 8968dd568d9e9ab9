Promise.resolve('v').finally(() => 'ignored').then((v) => console.log('value kept', v));
Promise.reject(new Error('r')).finally(() => console.log('finally runs')).catch((e) => console.log('reason kept', e.message));
Promise.resolve(1).finally(() => { throw new Error('from finally'); }).catch((e) => console.log(e.message));
