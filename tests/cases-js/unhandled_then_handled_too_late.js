const p = Promise.reject(new Error('late handler'));
setTimeout(() => p.catch(() => console.log('too late')), 0);
