console.log(String.fromCharCode(72, 105, 33), String.fromCharCode(0x263a), 'A'.charCodeAt(0));
console.log(['a', 'b', 'c'].map((c, i) => String.fromCharCode(c.charCodeAt(0) + i)).join(''));
