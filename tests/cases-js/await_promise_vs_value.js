async function p() { await Promise.resolve(); console.log('awaited promise'); }
async function v() { await 42; console.log('awaited value'); }
p();
v();
