const r = /a(b/;
