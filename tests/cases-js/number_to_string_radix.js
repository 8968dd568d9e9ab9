console.log((255).toString(2), (255).toString(36), (-10).toString(16), (3.5).toString());
console.log(Number.parseFloat('1e3'), parseInt('  -42abc'), parseInt('0x1F'), parseInt(''), Number('0b101'), Number('  12  '));
