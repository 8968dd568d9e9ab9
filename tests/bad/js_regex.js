const ok = /ab+c/.test('abc');
