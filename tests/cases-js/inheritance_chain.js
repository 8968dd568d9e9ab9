class A { who() { return 'A'; } hello() { return `hello from ${this.who()}`; } }
class B extends A { who() { return 'B'; } }
class C extends B { hello() { return super.hello() + ' via C'; } }
console.log(new A().hello(), new B().hello(), new C().hello());
console.log(C.name, Object.getPrototypeOf(C) === B, new C() instanceof A);
