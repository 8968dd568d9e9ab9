const o = { get g() { return 1; }, set s(v) {}, get both() { return 2; }, set both(v) {} };
console.log(o);
