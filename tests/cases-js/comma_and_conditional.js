let x = (1, 2, 3);
const y = x > 2 ? 'big' : 'small';
const z = x > 5 ? 'huge' : x > 2 ? 'medium' : 'tiny';
console.log(x, y, z, void 0, typeof void 0);
