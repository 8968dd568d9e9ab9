setTimeout((a, b) => console.log('args', a, b), 10, 'x', 42);
setImmediate((c) => console.log('imm', c), 'y');
