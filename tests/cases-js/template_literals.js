const name = 'world', n = 3;
console.log(`hello ${name}!`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`nested ${`inner ${name.toUpperCase()}`} done`);
console.log(`multi
line`);
console.log(`${[1, 2]} ${{}} ${null} ${undefined}`);
