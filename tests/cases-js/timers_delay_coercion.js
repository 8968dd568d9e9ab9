setTimeout(() => console.log('neg'), -5);
setTimeout(() => console.log('nan'), NaN);
setTimeout(() => console.log('str 2'), '2');
setTimeout(() => console.log('1.7'), 1.7);
setTimeout(() => console.log('huge'), 2 ** 31);
setTimeout(() => console.log('undefined'));
