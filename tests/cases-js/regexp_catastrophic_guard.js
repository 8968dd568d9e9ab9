// a regexp that backtracks a lot on a short subject still finishes (it is
// well under the budget); sticky matching walks a tokenizer
console.log(/(a+)+b/.test('aaaaaaaaaaaab'), /(x+x+)+y/.test('xxxxxxxxxxy'));
const tok = /\s*(\d+|[-+*\/()])/y;
const src = '12 + 3*(4 - 1)';
const out = [];
let m;
while ((m = tok.exec(src))) out.push(m[1]);
console.log(out, tok.lastIndex);
