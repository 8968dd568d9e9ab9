for (const f of [()=>1n+1, ()=>1n/0n, ()=>+1n, ()=>1n>>>1n, ()=>BigInt(1.5), ()=>BigInt("x"), ()=>Math.max(1n), ()=>JSON.stringify(1n), ()=>`${Symbol()}`, ()=>Symbol()+"", ()=>new Symbol()])
 try { console.log(f()) } catch(e) { console.log(e.constructor.name+": "+e.message) }
console.log(BigInt(10), BigInt("123"), 5n/2n, -5n/2n, -5n%2n, 1n<2, 2n==2, 2n===2, typeof 1n, [1n, -3n], (255n).toString(16), 1n << 70n, -7n >> 1n, 6n & 3n, -6n | 1n, 0n ? 1 : 2, 10n > 9.5, String(12n), 12n + "");
let f = 1n; for (let i = 1n; i <= 30n; i++) f *= i; console.log(f, f / 12345678901234567890n, f % 97n, -f);
console.log(2n ** 100n, (-2n) ** 3n, 0x1fn, 1_000n, ~5n, -(-3n), 10n - 20n, 1n == "1", 3n > "2", Number(2n**60n), 123456789012345678901234567890n.toString(36));
let x = 5n; x++; x--; --x; console.log(x, [3n, 1n, 2n].sort(), new Map([[1n, 'a']]).get(1n), BigInt(-0), BigInt(true), BigInt(" 42 "), BigInt("0x10"));
