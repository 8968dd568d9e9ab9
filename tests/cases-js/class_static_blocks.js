// static blocks run once, in order with the static fields, with this = the
// class; they can reach private static state
class Config {
  static #registry = new Map();
  static defaults = { retries: 3 };
  static {
    for (const [k, v] of Object.entries(this.defaults)) Config.#registry.set(k, v);
    console.log('registry ready', Config.#registry.size);
  }
  static get(k) { return Config.#registry.get(k); }
  static { this.ready = true; }
}
console.log(Config.get('retries'), Config.ready, Object.keys(Config));
class Timer {
  #id = null;
  #ticks = 0;
  start() { this.#id = setInterval(() => { this.#ticks++; if (this.#ticks === 3) this.stop(); }, 100); }
  stop() { clearInterval(this.#id); console.log('stopped after', this.#ticks, 'ticks'); }
}
new Timer().start();
