console.log(typeof hoisted, hoisted);
var hoisted = 1;
console.log(fn());
function fn() { return 'function declarations are hoisted'; }
try {
  console.log(later);
} catch (e) {
  console.log(e.name, e instanceof ReferenceError);
}
let later = 2;
