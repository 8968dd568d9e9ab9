const r = /x/gq;
