class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get upper() { return this.name.toUpperCase(); }
  static create(n) { return new Animal(n); }
}
class Dog extends Animal {
  speak() { return `${super.speak()} (woof)`; }
}
const d = new Dog('rex');
console.log(d.speak(), d.upper, Animal.create('cat').speak());
console.log(d instanceof Dog, d instanceof Animal, d.constructor.name);
console.log(Object.getPrototypeOf(d) === Dog.prototype);
