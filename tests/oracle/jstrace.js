#!/usr/bin/env node
// jstrace.js: the reference harness for JavaScript scenarios
// (docs: ../shared/docs/trace-format-js.md, README "JavaScript scenarios").
//
//   node tests/oracle/jstrace.js SCENARIO.js
//
// Runs the scenario under real Node with virtual timers and clocks, while
// promises, await, queueMicrotask and process.nextTick stay real V8/Node,
// and prints the observable trace: `<t> print <text>`, `<t> error <Name>`,
// `<t> unhandled <Name>`, `<t> end`.
//
// The virtual loop keeps timers as Node's lib/internal/timers keeps them:
// one FIFO list per duration, the lists in a priority queue ordered by
// (expiry, list id), a new id each time a list re-arms. Each virtual
// callback (timer or immediate) runs from its own real setImmediate turn,
// so Node itself drains nextTicks, then microtasks, then reports unhandled
// rejections after it, exactly as it does after a real macrotask.
'use strict';

const fs = require('fs');
const realSetImmediate = setImmediate;
const path = require('path');
const vm = require('vm');

const file = process.argv[2];
if (!file) {
    process.stderr.write('usage: node jstrace.js SCENARIO.js\n');
    process.exit(2);
}
const source = fs.readFileSync(file, 'utf8');

// ---- output -------------------------------------------------------------

let now = 0; // virtual milliseconds
let pending = ''; // an unfinished printed line
let finished = false;

function stamp() {
    return (now / 1000).toFixed(3);
}
function out(line) {
    fs.writeSync(1, line + '\n');
}
function flushPending() {
    if (pending !== '') {
        out(`${stamp()} print ${pending}`);
        pending = '';
    }
}
function stdoutWrite(chunk, encoding, cb) {
    let s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    pending += s;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
        out(`${stamp()} print ${pending.slice(0, nl)}`);
        pending = pending.slice(nl + 1);
    }
    if (typeof encoding === 'function') encoding();
    else if (typeof cb === 'function') cb();
    return true;
}
process.stdout.write = stdoutWrite;

function nameOf(v) {
    if (v === null) return 'null';
    if (typeof v !== 'object' && typeof v !== 'function') return typeof v;
    const c = v.constructor;
    return c && typeof c.name === 'string' && c.name ? c.name : 'Object';
}
function finish(kind, value) {
    if (finished) return;
    finished = true;
    flushPending();
    out(kind === 'end' ? `${stamp()} end` : `${stamp()} ${kind} ${nameOf(value)}`);
    process.exit(kind === 'end' ? 0 : 1);
}
process.on('uncaughtException', (e) => finish('error', e));
process.on('unhandledRejection', (r) => finish('unhandled', r));

// ---- virtual timers -----------------------------------------------------

let listId = 0;
let timerSeq = 0;
const lists = new Map(); // duration -> list
const queue = []; // lists, kept sorted by (expiry, id)
let refed = 0; // ref'd active timers

function cmpList(a, b) {
    return a.expiry - b.expiry || a.id - b.id;
}
function queueFix() {
    queue.sort(cmpList);
}

class Timeout {
    constructor(cb, after, args, repeat) {
        after *= 1;
        if (!(after >= 1 && after <= 2147483647)) after = 1;
        this._idleTimeout = Math.trunc(after);
        this._onTimeout = cb;
        this._args = args;
        this._repeat = repeat ? this._idleTimeout : null;
        this._destroyed = false;
        this._ref = true;
        this._id = ++timerSeq;
        this._start = now;
        refed++;
    }
    ref() {
        if (!this._ref && !this._destroyed) refed++;
        this._ref = true;
        return this;
    }
    unref() {
        if (this._ref && !this._destroyed) refed--;
        this._ref = false;
        return this;
    }
    hasRef() {
        return this._ref;
    }
    refresh() {
        if (!this._destroyed) {
            unlink(this);
            insert(this, this._idleTimeout, now);
        }
        return this;
    }
    close() {
        clear(this);
        return this;
    }
    [Symbol.toPrimitive]() {
        return this._id;
    }
}

function insert(t, msecs, start) {
    t._start = start;
    let list = lists.get(msecs);
    if (!list) {
        list = { msecs, expiry: start + msecs, id: listId++, items: [] };
        lists.set(msecs, list);
        queue.push(list);
        queueFix();
    }
    list.items.push(t);
    t._list = list;
}
function unlink(t) {
    const list = t._list;
    if (!list) return;
    const i = list.items.indexOf(t);
    if (i >= 0) list.items.splice(i, 1);
    t._list = null;
    // An empty list stays queued, as in Node, until the timers phase meets it.
}
const byId = new Map();
function clear(t) {
    if (typeof t === 'number' || typeof t === 'string') t = byId.get(+t);
    if (!(t instanceof Timeout) || t._destroyed) return;
    unlink(t);
    t._destroyed = true;
    if (t._ref) refed--;
    byId.delete(t._id);
}

function setTimeoutV(cb, after, ...args) {
    if (typeof cb !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const t = new Timeout(cb, after, args, false);
    insert(t, t._idleTimeout, now);
    byId.set(t._id, t);
    return t;
}
function setIntervalV(cb, after, ...args) {
    if (typeof cb !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const t = new Timeout(cb, after, args, true);
    insert(t, t._idleTimeout, now);
    byId.set(t._id, t);
    return t;
}

// ---- virtual immediates -------------------------------------------------

let immediates = [];
let immRefed = 0;
class Immediate {
    constructor(cb, args) {
        this._onImmediate = cb;
        this._args = args;
        this._destroyed = false;
        this._ref = true;
        immRefed++;
    }
    ref() {
        if (!this._ref && !this._destroyed) immRefed++;
        this._ref = true;
        return this;
    }
    unref() {
        if (this._ref && !this._destroyed) immRefed--;
        this._ref = false;
        return this;
    }
    hasRef() {
        return this._ref;
    }
}
function setImmediateV(cb, ...args) {
    if (typeof cb !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const im = new Immediate(cb, args);
    immediates.push(im);
    return im;
}
function clearImmediateV(im) {
    if (!(im instanceof Immediate) || im._destroyed) return;
    im._destroyed = true;
    if (im._ref) immRefed--;
    const i = immediates.indexOf(im);
    if (i >= 0) immediates.splice(i, 1);
}

// ---- virtual clocks -----------------------------------------------------

// new Date() is the real Date at the virtual time, so util.inspect sees a Date.
const RealDate = Date;
const VDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
        return Reflect.construct(target, args.length ? args : [now], newTarget);
    },
    apply(target, self, args) {
        return new RealDate(now).toString();
    },
    get(target, key, receiver) {
        if (key === 'now') return () => now;
        return Reflect.get(target, key, receiver);
    },
});
const realAtomicsWait = Atomics.wait;
Atomics.wait = function (ia, i, v, ms) {
    if (typeof ms === 'number' && ms > 0 && ms !== Infinity) {
        now += Math.trunc(ms);
        return 'timed-out';
    }
    return realAtomicsWait.call(Atomics, ia, i, v, 0);
};

globalThis.setTimeout = setTimeoutV;
globalThis.setInterval = setIntervalV;
globalThis.clearTimeout = clear;
globalThis.clearInterval = clear;
globalThis.setImmediate = setImmediateV;
globalThis.clearImmediate = clearImmediateV;
globalThis.Date = VDate;
// AbortSignal.timeout on the virtual clock; its timer is unref'd, as Node's is.
AbortSignal.timeout = function timeout(ms) {
    const c = new AbortController();
    setTimeoutV(() => c.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
    return c.signal;
};
if (globalThis.performance) performance.now = () => now;
process.hrtime = Object.assign((prev) => {
    const ns = BigInt(now) * 1000000n;
    const s = Number(ns / 1000000000n), n = Number(ns % 1000000000n);
    if (!prev) return [s, n];
    let ds = s - prev[0], dn = n - prev[1];
    if (dn < 0) { ds--; dn += 1e9; }
    return [ds, dn];
}, { bigint: () => BigInt(now) * 1000000n });

// ---- the loop -----------------------------------------------------------


// Run one virtual callback; the real turn it runs in lets Node drain
// nextTicks and microtasks after it.
function call(fn, args) {
    try {
        fn(...args);
    } catch (e) {
        finish('error', e);
    }
}

function* processTimers(tnow) {
    for (;;) {
        if (queue.length === 0) return;
        const list = queue[0];
        if (list.expiry > tnow) return;
        // listOnTimeout
        for (;;) {
            const t = list.items[0];
            if (!t) break;
            if (tnow - t._start < list.msecs) {
                list.expiry = Math.max(t._start + list.msecs, tnow + 1);
                list.id = listId++;
                queueFix();
                break;
            }
            list.items.shift();
            t._list = null;
            let start;
            if (t._repeat) start = now;
            else {
                t._destroyed = true;
                if (t._ref) refed--;
                byId.delete(t._id);
            }
            yield () => {
                call(t._onTimeout, t._args);
                if (t._repeat && !t._destroyed) insert(t, t._repeat, start);
            };
        }
        if (list.items.length === 0 && queue[0] === list) {
            if (lists.get(list.msecs) === list) lists.delete(list.msecs);
            queue.shift();
        }
    }
}

function* runImmediates() {
    const batch = immediates;
    immediates = [];
    for (const im of batch) {
        if (im._destroyed) continue;
        im._destroyed = true;
        if (im._ref) immRefed--;
        yield () => call(im._onImmediate, im._args);
    }
}

function alive() {
    return refed > 0 || immRefed > 0;
}

function nextExpiry() {
    while (queue.length && queue[0].items.length === 0) {
        const l = queue.shift();
        if (lists.get(l.msecs) === l) lists.delete(l.msecs);
    }
    return queue.length ? queue[0].expiry : null;
}

function* loop() {
    // First turn: the millisecond that real Node lets pass before its
    // loop starts (the contract's rule for setTimeout 0 vs setImmediate).
    const first = nextExpiry();
    if (first !== null && first > now && first <= now + 1) now = first;
    for (;;) {
        if (!alive()) break;
        yield* processTimers(now);
        if (!alive()) break;
        if (immediates.length === 0) {
            const e = nextExpiry();
            if (e === null) break;
            if (e > now) now = e;
        }
        yield* runImmediates();
    }
}

function drive(gen) {
    const r = gen.next();
    if (r.done) {
        finish('end');
        return;
    }
    r.value();
    realSetImmediate(() => drive(gen));
}

// ---- the scenario -------------------------------------------------------

function refuse() {
    throw new Error('require() is refused in scenarios');
}
let fn;
try {
    fn = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], {
        filename: path.resolve(file),
    });
} catch (e) {
    finish('error', e);
}
const mod = { exports: {} };
call(() => fn.call(mod.exports, mod.exports, refuse, mod, path.resolve(file), path.dirname(path.resolve(file))), []);
const gen = loop();
realSetImmediate(() => drive(gen));
