const evil = /(a+)+$/;
console.log(evil.test("a".repeat(40) + "!"));
