class Temp {
  constructor(c) { this.c = c; }
  get f() { return this.c * 1.8 + 32; }
  static from(f) { return new Temp((f - 32) / 1.8); }
}
const t = new Temp(100);
console.log(t, t.f, Temp.from(212).c);
