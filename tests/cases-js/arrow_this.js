class Timer {
  constructor() { this.ticks = 0; }
  start() {
    const id = setInterval(() => {
      this.ticks++;
      console.log('ticks', this.ticks);
      if (this.ticks === 2) clearInterval(id);
    }, 10);
  }
}
new Timer().start();
