// a finally block run by a return from inside a block with its own let/const
// sees the variables outside the try (it used to read a stale environment)
const log = (...a) => console.log(...a);
function f() { try { const x = 1; return x; } finally { log("fin"); } }
console.log(f());
