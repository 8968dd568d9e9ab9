// #x in obj is a brand check: true only for objects the class made
class Point {
  #x; #y;
  constructor(x, y) { this.#x = x; this.#y = y; }
  static isPoint(o) { return #x in o; }
  equals(o) { return Point.isPoint(o) && this.#x === o.#x && this.#y === o.#y; }
  toString() { return `(${this.#x}, ${this.#y})`; }
}
const p = new Point(1, 2);
const fake = { x: 1, y: 2 };
console.log(Point.isPoint(p), Point.isPoint(fake), p.equals(new Point(1, 2)), p.equals(fake), `${p}`);
console.log(p, Object.keys(p), JSON.stringify(p), Object.getOwnPropertyNames(p));
