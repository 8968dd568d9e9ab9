setTimeout(() => {
  console.log('about to throw');
  throw new Error('boom');
}, 100);
setTimeout(() => console.log('never'), 200);
