console.log(['tab\there', 'new\nline', 'back\\slash', 'quote\'s', 'unicode ☃', '\u0001']);
console.log({ 'key with space': 1, 'dash-key': 2, '': 3 });
