new Promise((resolve, reject) => {
  resolve('first');
  resolve('second');
  reject(new Error('ignored'));
}).then((v) => console.log(v));
new Promise(() => { throw new Error('executor threw'); }).catch((e) => console.log('caught', e.message));
