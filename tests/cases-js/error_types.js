const tests = [() => null.x, () => undefinedVar, () => (1).toFixed(200), () => JSON.parse('{bad'), () => { throw new EvalError('e'); }];
for (const t of tests) {
  try { t(); } catch (e) { console.log(e.name, e instanceof Error); }
}
