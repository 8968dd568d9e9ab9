function f() { return x; }
try { f(); } catch (e) { console.log(e.name); }
let x = 'now initialised';
console.log(f());
