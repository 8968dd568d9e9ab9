Promise.reject(new Error('e1'))
  .then(() => console.log('skipped'))
  .then(() => console.log('skipped too'))
  .catch((e) => console.log('caught at the end', e.message));
