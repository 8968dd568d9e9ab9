const a = [1, 2, 3];
a.length = 5;
console.log(a, a.length);
a[8] = 'x';
console.log(a);
a.length = 2;
console.log(a);
delete a[0];
console.log(a);
