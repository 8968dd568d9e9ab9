#!/usr/bin/env node
// jsrealcheck.js: checks the harness (jstrace.js) against real Node on real
// time. For each script (timers far apart, >= 40 ms), it runs the script once
// under jstrace.js and once under plain node with real timers, stamping each
// printed line with the real elapsed time. The printed lines must come in the
// same order, and each real time must agree with the virtual one within
// TOLERANCE_MS (default 30; a loaded machine may need more), once the
// lateness every real timer shares (start-up) is taken off.
//
//   node tests/oracle/jsrealcheck.js [SCRIPT.js...]   (default: realtime/*.js)
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const tol = +(process.env.TOLERANCE_MS || 30);
let files = process.argv.slice(2);
if (files.length === 0) {
    const dir = path.join(__dirname, 'realtime');
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(dir, f));
}
const stamper = `
const t0 = performance.now();
const w = process.stdout.write.bind(process.stdout);
let pend = '';
process.stdout.write = (c, ...r) => {
  pend += String(c);
  let i;
  while ((i = pend.indexOf('\\n')) >= 0) {
    w(((performance.now() - t0) / 1000).toFixed(3) + ' print ' + pend.slice(0, i) + '\\n');
    pend = pend.slice(i + 1);
  }
  return true;
};
`;
let failed = 0;
for (const f of files) {
    const virt = execFileSync('node', [path.join(__dirname, 'jstrace.js'), f], { encoding: 'utf8' })
        .split('\n').filter((l) => / print /.test(l));
    const real = execFileSync('node', ['-e', stamper + fs.readFileSync(f, 'utf8')], { encoding: 'utf8' })
        .split('\n').filter((l) => / print /.test(l));
    const problems = [];
    if (virt.length !== real.length) problems.push(`${virt.length} virtual lines, ${real.length} real`);
    // Real timers all run a little late (start-up, load); what must agree is
    // each line's time relative to that common lateness.
    const n = Math.min(virt.length, real.length);
    const late = [];
    for (let i = 0; i < n; i++) late.push((+real[i].split(' ')[0] - +virt[i].split(' ')[0]) * 1000);
    const base = n ? Math.min(...late) : 0;
    for (let i = 0; i < n; i++) {
        const [vt, ...vr] = virt[i].split(' ');
        const [rt, ...rr] = real[i].split(' ');
        if (vr.join(' ') !== rr.join(' ')) problems.push(`line ${i + 1}: virtual "${virt[i]}" real "${real[i]}"`);
        else if (late[i] - base > tol || late[i] < -tol) problems.push(`line ${i + 1}: "${vr.join(' ')}" at ${vt} virtual, ${rt} real`);
    }
    if (problems.length) {
        failed++;
        console.log(`FAIL ${path.basename(f)}`);
        for (const p of problems) console.log('  ' + p);
    } else {
        console.log(`ok   ${path.basename(f)} (${virt.length} lines)`);
    }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
