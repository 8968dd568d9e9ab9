let a = 'outer';
{
  let a = 'inner';
  console.log(a);
  {
    const a = 'innermost';
    console.log(a);
  }
}
console.log(a);
function g() { var a = 'function'; if (true) { var a = 'same var'; } return a; }
console.log(g());
