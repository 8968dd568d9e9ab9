// async functions sleeping on promisified timers, far apart.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function worker(name, ms) {
    console.log(name, 'begins');
    await sleep(ms);
    console.log(name, 'slept', ms);
    await sleep(ms);
    return name;
}
async function main() {
    const r = await Promise.all([worker('a', 60), worker('b', 150)]);
    console.log('all', r);
    const w = await Promise.race([sleep(300).then(() => 'slow'), sleep(100).then(() => 'fast')]);
    console.log('race', w);
}
main().then(() => console.log('done'));
