function named() {}
const anon = function () {};
const arrow = () => {};
async function af() {}
class A {}
class B extends A {}
console.log(named, anon, arrow, af);
console.log(A, B);
console.log([named, arrow]);
console.log({ f: named, g() {} });
