async function a() { return 'a'; }
async function b() { return await a(); }
async function c() { return b(); }
c().then((v) => console.log('c', v));
b().then((v) => console.log('b', v));
a().then((v) => console.log('a', v));
