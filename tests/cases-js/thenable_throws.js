const bad = { then() { throw new Error('then threw'); } };
Promise.resolve(bad).catch((e) => console.log('caught', e.message));
(async () => {
  try { await bad; } catch (e) { console.log('await caught', e.message); }
})();
