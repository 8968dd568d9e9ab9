Promise.resolve(1)
  .then((x) => { console.log('got', x); return x + 1; })
  .then((x) => { console.log('got', x); throw new Error('boom'); })
  .catch((e) => { console.log('caught', e.message); return 'recovered'; })
  .finally(() => console.log('finally'))
  .then((x) => console.log('end', x));
