class A {}
try { A(); } catch (e) { console.log(e.name, e.message); }
