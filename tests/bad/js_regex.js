const ok = /a+/g;
const r = /abc
