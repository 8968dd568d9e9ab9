async function f() { throw null; }
f();
