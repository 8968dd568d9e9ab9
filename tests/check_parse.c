/* check_parse.c: unit tests for src/lang/parse.c and src/lang/ast.c.
 * Owns: the parse suite. Trees are compared through ast_dump (its format
 * is documented at the top of ast.c). The tree rows were cross-checked
 * against CPython 3.11.7's ast module rendered in the same format (they
 * agree except where ast.h differs by design: f"{x=}" keeps its text in
 * the formatted node); the error rows against CPython's compile(), which
 * agrees on every message Python also raises, while a few columns differ
 * on purpose: loopscope points at the first token of a badly indented
 * line and at the offending character inside an f-string. */
#include "suites.h"

#include "../src/base/base.h"
#include "../src/py/front/ast.h"
#include "../src/py/front/parse.h"
#include "../src/py/front/pyver.h"
#include "../src/base/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The dump of text's tree, or "line:col: message". Caller frees. */
static char *parse_n(const char *text, size_t n)
{
    Source *src = source_from_string("<test>", text, n);
    Arena *arena = arena_new();
    LangError err;
    memset(&err, 0, sizeof err);
    Node *root = parse_module(src, arena, &err);
    Buf b;
    buf_init(&b);
    if (root)
        ast_dump(root, &b);
    else
        buf_printf(&b, "%d:%d: %s", err.line, err.col, err.msg);
    arena_free(arena);
    source_free(src);
    char *out = buf_take(&b, NULL);
    buf_free(&b);
    return out;
}

static char *parse_str(const char *text)
{
    return parse_n(text, strlen(text));
}

typedef struct ParseCase {
    const char *src, *want;
} ParseCase;

/* Every construct, precedence and associativity, literals, f-strings. */
static const ParseCase tree_cases[] = {
    {"print(\"hi\")",
     "(module (expr (call (name print) (str \"hi\"))))"},
    {"x = 1 + 2 * 3",
     "(module (assign (name x) (binop + (int 1) (binop * (int 2) (int 3)))))"},
    {"x = (1 + 2) * 3",
     "(module (assign (name x) (binop * (binop + (int 1) (int 2)) (int 3))))"},
    {"x = 2 ** 3 ** 2",
     "(module (assign (name x) (binop ** (int 2) (binop ** (int 3) (int 2)))))"},
    {"x = -2 ** 2",
     "(module (assign (name x) (unary - (binop ** (int 2) (int 2)))))"},
    {"x = -a * b",
     "(module (assign (name x) (binop * (unary - (name a)) (name b))))"},
    {"x = ~a + +b - -c",
     "(module (assign (name x) (binop - (binop + (unary ~ (name a)) (unary + (name b))) (unary - (name c)))))"},
    {"x = a | b ^ c & d << 1 >> 2 + 3",
     "(module (assign (name x) (binop | (name a) (binop ^ (name b) (binop & (name c) (binop >> (binop << (name d) (int 1)) (binop + (int 2) (int 3))))))))"},
    {"x = a // b % c / d @ e * f",
     "(module (assign (name x) (binop * (binop @ (binop / (binop % (binop // (name a) (name b)) (name c)) (name d)) (name e)) (name f))))"},
    {"x = a if b else c if d else e",
     "(module (assign (name x) (ifexp (name b) (name a) (ifexp (name d) (name c) (name e)))))"},
    {"x = (a if b else c) if d else e",
     "(module (assign (name x) (ifexp (name d) (ifexp (name b) (name a) (name c)) (name e))))"},
    {"x = not a == b",
     "(module (assign (name x) (unary not (compare (name a) == (name b)))))"},
    {"x = not a and b or not c and d",
     "(module (assign (name x) (boolop or (boolop and (unary not (name a)) (name b)) (boolop and (unary not (name c)) (name d)))))"},
    {"x = a or b or c and d and e",
     "(module (assign (name x) (boolop or (name a) (name b) (boolop and (name c) (name d) (name e)))))"},
    {"x = a < b <= c == d != e > f >= g",
     "(module (assign (name x) (compare (name a) < (name b) <= (name c) == (name d) != (name e) > (name f) >= (name g))))"},
    {"x = a in b not in c is d is not e",
     "(module (assign (name x) (compare (name a) in (name b) not-in (name c) is (name d) is-not (name e))))"},
    {"x = a < b | c",
     "(module (assign (name x) (compare (name a) < (binop | (name b) (name c)))))"},
    {"x = lambda: 0",
     "(module (assign (name x) (lambda (params) (int 0))))"},
    {"x = lambda a, b=1, *c, d, e=2, **f: a + b",
     "(module (assign (name x) (lambda (params (param a) (param b (default (int 1))) (param *c) (param d kwonly) (param e kwonly (default (int 2))) (param **f)) (binop + (name a) (name b)))))"},
    {"x = lambda *, k: k",
     "(module (assign (name x) (lambda (params (param k kwonly)) (name k))))"},
    {"x = lambda: lambda y: y",
     "(module (assign (name x) (lambda (params) (lambda (params (param y)) (name y)))))"},
    {"x = await_ + 1",
     "(module (assign (name x) (binop + (name await_) (int 1))))"},
    {"f(a)(b)[c].d",
     "(module (expr (attr (sub (call (call (name f) (name a)) (name b)) (name c)) d)))"},
    {"x = a.b.c(d, *e, f=g, **h)",
     "(module (assign (name x) (call (attr (attr (name a) b) c) (name d) (star (name e)) (kw f (name g)) (dstar (name h)))))"},
    {"f(*a, *b, **c, **d)",
     "(module (expr (call (name f) (star (name a)) (star (name b)) (dstar (name c)) (dstar (name d)))))"},
    {"f(a, *b, c=1, *d, **e)",
     "(module (expr (call (name f) (name a) (star (name b)) (kw c (int 1)) (star (name d)) (dstar (name e)))))"},
    {"f(x for x in y)",
     "(module (expr (call (name f) (genexp (name x) (for (name x) (name y))))))"},
    {"f(x for x in y if x)(1)",
     "(module (expr (call (call (name f) (genexp (name x) (for (name x) (name y) (if (name x))))) (int 1))))"},
    {"x = a[1]",
     "(module (assign (name x) (sub (name a) (int 1))))"},
    {"x = a[1:2]",
     "(module (assign (name x) (sub (name a) (slice (int 1) (int 2) _))))"},
    {"x = a[:]",
     "(module (assign (name x) (sub (name a) (slice _ _ _))))"},
    {"x = a[::2]",
     "(module (assign (name x) (sub (name a) (slice _ _ (int 2)))))"},
    {"x = a[1:2:3, ::, 4]",
     "(module (assign (name x) (sub (name a) (tuple (slice (int 1) (int 2) (int 3)) (slice _ _ _) (int 4)))))"},
    {"x = a[1,]",
     "(module (assign (name x) (sub (name a) (tuple (int 1)))))"},
    {"x = a[()]",
     "(module (assign (name x) (sub (name a) (tuple))))"},
    {"x = a[*b]",
     "(module (assign (name x) (sub (name a) (tuple (star (name b))))))"},
    {"x = a[b, *c]",
     "(module (assign (name x) (sub (name a) (tuple (name b) (star (name c))))))"},
    {"x = [x * y for x in a if x for y in b if y if z]",
     "(module (assign (name x) (listcomp (binop * (name x) (name y)) (for (name x) (name a) (if (name x))) (for (name y) (name b) (if (name y)) (if (name z))))))"},
    {"x = [i async for i in aiter()]",
     "(module (assign (name x) (listcomp (name i) (async-for (name i) (call (name aiter))))))"},
    {"x = {k: v for k, v in d.items()}",
     "(module (assign (name x) (dictcomp (name k) (name v) (for (tuple (name k) (name v)) (call (attr (name d) items))))))"},
    {"x = {x for x in y}",
     "(module (assign (name x) (setcomp (name x) (for (name x) (name y)))))"},
    {"x = (x for x in y)",
     "(module (assign (name x) (genexp (name x) (for (name x) (name y)))))"},
    {"x = [[x for x in row] for row in m]",
     "(module (assign (name x) (listcomp (listcomp (name x) (for (name x) (name row))) (for (name row) (name m)))))"},
    {"x = [*a, *b, c]",
     "(module (assign (name x) (list (star (name a)) (star (name b)) (name c))))"},
    {"x = {**a, 'b': 1, **c}",
     "(module (assign (name x) (dict (dstar (name a)) (pair (str \"b\") (int 1)) (dstar (name c)))))"},
    {"x = {1, 2, *a}",
     "(module (assign (name x) (set (int 1) (int 2) (star (name a)))))"},
    {"x = {}",
     "(module (assign (name x) (dict)))"},
    {"x = {1: 2,}",
     "(module (assign (name x) (dict (pair (int 1) (int 2)))))"},
    {"x = ()",
     "(module (assign (name x) (tuple)))"},
    {"x = (1,)",
     "(module (assign (name x) (tuple (int 1))))"},
    {"x = (1, 2)",
     "(module (assign (name x) (tuple (int 1) (int 2))))"},
    {"x = 1, 2,",
     "(module (assign (name x) (tuple (int 1) (int 2))))"},
    {"x = (((a)))",
     "(module (assign (name x) (name a)))"},
    {"x = [[], [[]]]",
     "(module (assign (name x) (list (list) (list (list)))))"},
    {"x = None, True, False, ...",
     "(module (assign (name x) (tuple (const None) (const True) (const False) (const ...))))"},
    {"x = 'a' 'b' \"c\"",
     "(module (assign (name x) (str \"abc\")))"},
    {"x = 'a\\tb\\n\\x41\\101\\u20ac\\U0001F600\\\\\\'\\\"\\q'",
     "(module (assign (name x) (str \"a\\tb\\nAA€😀\\\\'\\\"\\\\q\")))"},
    {"x = r'\\n\\q' R\"\\t\"",
     "(module (assign (name x) (str \"\\\\n\\\\q\\\\t\")))"},
    {"x = '''tri\nple'''",
     "(module (assign (name x) (str \"tri\\nple\")))"},
    {"x = 'é' + 'ü'",
     "(module (assign (name x) (binop + (str \"é\") (str \"ü\"))))"},
    {"x = f'a{b}c{d!r}e{f:>10}g{h!s:{i}.{j}}'",
     "(module (assign (name x) (fstr (str \"a\") (fmt (name b)) (str \"c\") (fmt (name d) !r) (str \"e\") (fmt (name f) (spec (str \">10\"))) (str \"g\") (fmt (name h) !s (spec (fmt (name i)) (str \".\") (fmt (name j)))))))"},
    {"x = f'{{}}{{{a}}}'",
     "(module (assign (name x) (fstr (str \"{}{\") (fmt (name a)) (str \"}\"))))"},
    {"x = f'{a:{b}}' 'plain' f'{c}'",
     "(module (assign (name x) (fstr (fmt (name a) (spec (fmt (name b)))) (str \"plain\") (fmt (name c)))))"},
    {"x = f''",
     "(module (assign (name x) (fstr)))"},
    {"x = f'{a[\"k\"]}' + f\"{b['k']}\"",
     "(module (assign (name x) (binop + (fstr (fmt (sub (name a) (str \"k\")))) (fstr (fmt (sub (name b) (str \"k\")))))))"},
    {"x = f'{ a + b }'",
     "(module (assign (name x) (fstr (fmt (binop + (name a) (name b))))))"},
    {"x = f'{a == b}{c != d}{e <= f}{g >= h}'",
     "(module (assign (name x) (fstr (fmt (compare (name a) == (name b))) (fmt (compare (name c) != (name d))) (fmt (compare (name e) <= (name f))) (fmt (compare (name g) >= (name h))))))"},
    {"x = f'{x:%H:%M}'",
     "(module (assign (name x) (fstr (fmt (name x) (spec (str \"%H:%M\"))))))"},
    {"x = f'{3.14:.2f}'",
     "(module (assign (name x) (fstr (fmt (float 3.14) (spec (str \".2f\"))))))"},
    {"x = f'{f\"{x}\"}'",
     "(module (assign (name x) (fstr (fmt (fstr (fmt (name x)))))))"},
    {"x = f'{a, b}'",
     "(module (assign (name x) (fstr (fmt (tuple (name a) (name b))))))"},
    {"x = f'{x:}'",
     "(module (assign (name x) (fstr (fmt (name x) (spec)))))"},
    {"x = f'{x=}'",
     "(module (assign (name x) (fstr (fmt (name x) !r (text \"x=\")))))"},
    {"x = f'{ x = !s}'",
     "(module (assign (name x) (fstr (fmt (name x) !s (text \" x = \")))))"},
    {"x = f'{x=:>4}'",
     "(module (assign (name x) (fstr (fmt (name x) (spec (str \">4\")) (text \"x=\")))))"},
    {"x = f'{x = }'",
     "(module (assign (name x) (fstr (fmt (name x) !r (text \"x = \")))))"},
    {"x = rf'\\n{x}'",
     "(module (assign (name x) (fstr (str \"\\\\n\") (fmt (name x)))))"},
    {"x = f'\\t{x}\\n'",
     "(module (assign (name x) (fstr (str \"\\t\") (fmt (name x)) (str \"\\n\"))))"},
    {"x = f'''{\na\n+ b}'''",
     "(module (assign (name x) (fstr (fmt (binop + (name a) (name b))))))"},
    {"x = f'{(yield)}'",
     "(module (assign (name x) (fstr (fmt (yield)))))"},
    {"x = f'{x!r:{w}}'",
     "(module (assign (name x) (fstr (fmt (name x) !r (spec (fmt (name w)))))))"},
    {"x = 0x1F + 0o17 + 0b101 + 1_000_000",
     "(module (assign (name x) (binop + (binop + (binop + (int 31) (int 15)) (int 5)) (int 1000000))))"},
    {"x = 1.5 + .5 + 5. + 1e10 + 1.5e-3 + 0.1",
     "(module (assign (name x) (binop + (binop + (binop + (binop + (binop + (float 1.5) (float 0.5)) (float 5.0)) (float 1e+10)) (float 0.0015)) (float 0.1))))"},
    {"x = 9223372036854775807",
     "(module (assign (name x) (int 9223372036854775807)))"},
    {"a = b = c = 1",
     "(module (assign (name a) (name b) (name c) (int 1)))"},
    {"a, b = b, a",
     "(module (assign (tuple (name a) (name b)) (tuple (name b) (name a))))"},
    {"a, *b = c",
     "(module (assign (tuple (name a) (star (name b))) (name c)))"},
    {"[a, b] = c",
     "(module (assign (list (name a) (name b)) (name c)))"},
    {"(a, b), c = d",
     "(module (assign (tuple (tuple (name a) (name b)) (name c)) (name d)))"},
    {"a.b, c[d] = e",
     "(module (assign (tuple (attr (name a) b) (sub (name c) (name d))) (name e)))"},
    {"a[1:2] = b",
     "(module (assign (sub (name a) (slice (int 1) (int 2) _)) (name b)))"},
    {"x += 1",
     "(module (augassign += (name x) (int 1)))"},
    {"x //= 1; x %= 2; x **= 3; x <<= 4; x >>= 5",
     "(module (augassign //= (name x) (int 1)) (augassign %= (name x) (int 2)) (augassign **= (name x) (int 3)) (augassign <<= (name x) (int 4)) (augassign >>= (name x) (int 5)))"},
    {"x &= 6; x |= 7; x ^= 8; x @= 9; x -= 1; x *= 2; x /= 3",
     "(module (augassign &= (name x) (int 6)) (augassign |= (name x) (int 7)) (augassign ^= (name x) (int 8)) (augassign @= (name x) (int 9)) (augassign -= (name x) (int 1)) (augassign *= (name x) (int 2)) (augassign /= (name x) (int 3)))"},
    {"x: int",
     "(module (annassign (name x) (name int)))"},
    {"x: int = 1",
     "(module (annassign (name x) (name int) (int 1)))"},
    {"x.y: str = 'a'",
     "(module (annassign (attr (name x) y) (name str) (str \"a\")))"},
    {"x[0]: int = 1",
     "(module (annassign (sub (name x) (int 0)) (name int) (int 1)))"},
    {"(x): int = 1",
     "(module (annassign (name x) (name int) (int 1)))"},
    {"x: tuple = 1, 2",
     "(module (annassign (name x) (name tuple) (tuple (int 1) (int 2))))"},
    {"if a:\n    pass\n",
     "(module (if (name a) (body (pass))))"},
    {"if a:\n    x = 1\nelif b:\n    x = 2\nelif c:\n    x = 3\nelse:\n    x = 4\n",
     "(module (if (name a) (body (assign (name x) (int 1))) (else (if (name b) (body (assign (name x) (int 2))) (else (if (name c) (body (assign (name x) (int 3))) (else (assign (name x) (int 4)))))))))"},
    {"if a: pass\nelse: pass\n",
     "(module (if (name a) (body (pass)) (else (pass))))"},
    {"while a:\n    break\nelse:\n    continue\n",
     "(module (while (name a) (body (break)) (else (continue))))"},
    {"for x in y:\n    pass\nelse:\n    pass\n",
     "(module (for (name x) (name y) (body (pass)) (else (pass))))"},
    {"for x, y in z: pass",
     "(module (for (tuple (name x) (name y)) (name z) (body (pass))))"},
    {"for (x, y), *z in w: pass",
     "(module (for (tuple (tuple (name x) (name y)) (star (name z))) (name w) (body (pass))))"},
    {"for x in *a, b: pass",
     "(module (for (name x) (tuple (star (name a)) (name b)) (body (pass))))"},
    {"for x, in y: pass",
     "(module (for (tuple (name x)) (name y) (body (pass))))"},
    {"def f(): pass",
     "(module (def f (params) (body (pass))))"},
    {"def f(a, b: int, c=1, d: str = 'x', *args: int, e, f=2, **kw: dict) -> None:\n    \"\"\"doc\"\"\"\n    return\n",
     "(module (def f (params (param a) (param b (ann (name int))) (param c (default (int 1))) (param d (ann (name str)) (default (str \"x\"))) (param *args (ann (name int))) (param e kwonly) (param f kwonly (default (int 2))) (param **kw (ann (name dict)))) (returns (const None)) (doc \"doc\") (body (expr (str \"doc\")) (return))))"},
    {"def g(*, a): return a, b",
     "(module (def g (params (param a kwonly)) (body (return (tuple (name a) (name b))))))"},
    {"def h(a,): pass",
     "(module (def h (params (param a)) (body (pass))))"},
    {"async def f():\n    await x\n    async for a in b:\n        pass\n    async with a as b, c as (d, e):\n        pass\n",
     "(module (async-def f (params) (body (expr (await (name x))) (async-for (name a) (name b) (body (pass))) (async-with (item (name a) (name b)) (item (name c) (tuple (name d) (name e))) (body (pass))))))"},
    {"@dec\n@dec.attr(1)\ndef f(): pass\n",
     "(module (def f (decorators (name dec) (call (attr (name dec) attr) (int 1))) (params) (body (pass))))"},
    {"@dec\nasync def f(): pass\n",
     "(module (async-def f (decorators (name dec)) (params) (body (pass))))"},
    {"@dec\nclass C: pass\n",
     "(module (class C (decorators (name dec)) (body (pass))))"},
    {"class C: pass",
     "(module (class C (body (pass))))"},
    {"class C():\n    \"\"\"Doc.\"\"\"\n    x = 1\n",
     "(module (class C (body (expr (str \"Doc.\")) (assign (name x) (int 1)))))"},
    {"class C(A, B, metaclass=M, **kw):\n    def m(self): return self\n",
     "(module (class C (bases (name A) (name B) (kw metaclass (name M)) (dstar (name kw))) (body (def m (params (param self)) (body (return (name self)))))))"},
    {"global a, b",
     "(module (global a b))"},
    {"def f():\n    nonlocal c\n",
     "(module (def f (params) (body (nonlocal c))))"},
    {"import a",
     "(module (import (alias a)))"},
    {"import a.b.c as d, e",
     "(module (import (alias a.b.c d) (alias e)))"},
    {"from a.b import c, d as e",
     "(module (from a.b (alias c) (alias d e)))"},
    {"from a import (b, c as d,)",
     "(module (from a (alias b) (alias c d)))"},
    {"assert x",
     "(module (assert (name x)))"},
    {"assert x, 'msg'",
     "(module (assert (name x) (str \"msg\")))"},
    {"del a",
     "(module (del (name a)))"},
    {"del a, b[1], c.d",
     "(module (del (name a) (sub (name b) (int 1)) (attr (name c) d)))"},
    {"del (a, b), [c]",
     "(module (del (tuple (name a) (name b)) (list (name c))))"},
    {"raise",
     "(module (raise))"},
    {"raise E",
     "(module (raise (name E)))"},
    {"raise E('m') from e",
     "(module (raise (call (name E) (str \"m\")) (from (name e))))"},
    {"try:\n    pass\nexcept:\n    pass\n",
     "(module (try (body (pass)) (except (body (pass)))))"},
    {"try:\n    pass\nexcept E:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
     "(module (try (body (pass)) (except (name E) (body (pass))) (except (tuple (name A) (name B)) (as e) (body (pass))) (else (pass)) (finally (pass))))"},
    {"try:\n    pass\nfinally:\n    pass\n",
     "(module (try (body (pass)) (finally (pass))))"},
    {"try:\n    pass\nexcept* E as e:\n    pass\nexcept* F:\n    pass\n",
     "(module (try* (body (pass)) (except (name E) (as e) (body (pass))) (except (name F) (body (pass)))))"},
    {"with a: pass",
     "(module (with (item (name a)) (body (pass))))"},
    {"with a as b, c as d: pass",
     "(module (with (item (name a) (name b)) (item (name c) (name d)) (body (pass))))"},
    {"with (a as b, c as d,): pass",
     "(module (with (item (name a) (name b)) (item (name c) (name d)) (body (pass))))"},
    {"with (a, b): pass",
     "(module (with (item (name a)) (item (name b)) (body (pass))))"},
    {"with (a, b) as c: pass",
     "(module (with (item (tuple (name a) (name b)) (name c)) (body (pass))))"},
    {"with (a): pass",
     "(module (with (item (name a)) (body (pass))))"},
    {"with (yield): pass",
     "(module (with (item (yield)) (body (pass))))"},
    {"with a as [b, c]: pass",
     "(module (with (item (name a) (list (name b) (name c))) (body (pass))))"},
    {"def f():\n    yield\n    yield x\n    yield x, y\n    yield from z\n    x = yield\n    x = yield y\n    x += yield\n    return (yield)\n",
     "(module (def f (params) (body (expr (yield)) (expr (yield (name x))) (expr (yield (tuple (name x) (name y)))) (expr (yield-from (name z))) (assign (name x) (yield)) (assign (name x) (yield (name y))) (augassign += (name x) (yield)) (return (yield)))))"},
    {"x = [\n    1,\n    2,\n]\n",
     "(module (assign (name x) (list (int 1) (int 2))))"},
    {"x = 1 + \\\n    2\n",
     "(module (assign (name x) (binop + (int 1) (int 2))))"},
    {"if x:\n    # comment\n\n    pass\n    # trailing\ny = 1  # comment\n",
     "(module (if (name x) (body (pass))) (assign (name y) (int 1)))"},
    {"x = 1; y = 2;",
     "(module (assign (name x) (int 1)) (assign (name y) (int 2)))"},
    {"if x: pass; y",
     "(module (if (name x) (body (pass) (expr (name y)))))"},
    {"x = 1if y else 2",
     "(module (assign (name x) (ifexp (name y) (int 1) (int 2))))"},
    {"x = 1 .real",
     "(module (assign (name x) (attr (int 1) real)))"},
    {"über = 1",
     "(module (assign (name über) (int 1)))"},
    {"\"\"\"Module doc.\"\"\"\nimport asyncio\n",
     "(module (doc \"Module doc.\") (expr (str \"Module doc.\")) (import (alias asyncio)))"},
    {"'''Not a doc''' + 'x'",
     "(module (expr (binop + (str \"Not a doc\") (str \"x\"))))"},
    {"f'{x}'\n",
     "(module (expr (fstr (fmt (name x)))))"},
    {"x = match(a) + case[b]",
     "(module (assign (name x) (binop + (call (name match) (name a)) (sub (name case) (name b)))))"},
    {"match = 1",
     "(module (assign (name match) (int 1)))"},
    {"print(-1)",
     "(module (expr (call (name print) (unary - (int 1)))))"},
    {"print",
     "(module (expr (name print)))"},
    {"x = [lambda: x for x in y]",
     "(module (assign (name x) (listcomp (lambda (params) (name x)) (for (name x) (name y)))))"},
    {"x = lambda a=lambda: 1: a",
     "(module (assign (name x) (lambda (params (param a (default (lambda (params) (int 1))))) (name a))))"},
    {"x = not -1",
     "(module (assign (name x) (unary not (unary - (int 1)))))"},
    {"x = a is not b",
     "(module (assign (name x) (compare (name a) is-not (name b))))"},
    {"x = a not in b",
     "(module (assign (name x) (compare (name a) not-in (name b))))"},
    {"x = -2**-1",
     "(module (assign (name x) (unary - (binop ** (int 2) (unary - (int 1))))))"},
    {"x = await_primary",
     "(module (assign (name x) (name await_primary)))"},
};

/* Syntax errors (and a few near misses that parse). */
static const ParseCase error_cases[] = {
    {"x = 1 +",
     "1:8: invalid syntax"},
    {"x = = 1",
     "1:5: invalid syntax"},
    {"a b",
     "1:3: invalid syntax"},
    {"else:\n    pass\n",
     "1:1: invalid syntax"},
    {"if x\n    pass\n",
     "1:5: expected ':'"},
    {"if x y:\n    pass\n",
     "1:6: invalid syntax"},
    {"while x\n    pass\n",
     "1:8: expected ':'"},
    {"for x in y\n    pass\n",
     "1:11: expected ':'"},
    {"def f()\n    pass\n",
     "1:8: expected ':'"},
    {"def f: pass",
     "1:6: expected '('"},
    {"def f()**: pass",
     "1:8: expected ':'"},
    {"class C\n    pass\n",
     "1:8: expected ':'"},
    {"try\n    pass\n",
     "1:4: expected ':'"},
    {"try:\n    pass\n",
     "2:9: expected 'except' or 'finally' block"},
    {"try:\n    pass\nelse:\n    pass\n",
     "3:1: expected 'except' or 'finally' block"},
    {"try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n",
     "5:1: cannot have both 'except' and 'except*' on the same 'try'"},
    {"try:\n    pass\nexcept A, B:\n    pass\n",
     "3:8: multiple exception types must be parenthesized"},
    {"try:\n    pass\nexcept*:\n    pass\n",
     "3:8: expected one or more exception types"},
    {"if x:\npass\n",
     "2:1: expected an indented block after 'if' statement on line 1"},
    {"if x:\n    pass\nelif y:\npass\n",
     "4:1: expected an indented block after 'elif' statement on line 3"},
    {"if x:\n    pass\nelse:\npass\n",
     "4:1: expected an indented block after 'else' statement on line 3"},
    {"while x:\n",
     "1:9: expected an indented block after 'while' statement on line 1"},
    {"for x in y:\nz\n",
     "2:1: expected an indented block after 'for' statement on line 1"},
    {"with a:\nz\n",
     "2:1: expected an indented block after 'with' statement on line 1"},
    {"try:\nz\n",
     "2:1: expected an indented block after 'try' statement on line 1"},
    {"try:\n    pass\nexcept:\nz\n",
     "4:1: expected an indented block after 'except' statement on line 3"},
    {"try:\n    pass\nfinally:\nz\n",
     "4:1: expected an indented block after 'finally' statement on line 3"},
    {"def f():\nreturn\n",
     "2:1: expected an indented block after function definition on line 1"},
    {"class C:\nx = 1\n",
     "2:1: expected an indented block after class definition on line 1"},
    {"a\n    b\n",
     "2:5: unexpected indent"},
    {"if x:\n  a\n b\n",
     "3:2: unindent does not match any outer indentation level"},
    {"x = (1,\n2\n",
     "1:5: '(' was never closed"},
    {"print(1, 2\nx = 3\n",
     "1:6: '(' was never closed"},
    {"foo(1 2)",
     "1:5: invalid syntax. Perhaps you forgot a comma?"},
    {"[1 2]",
     "1:2: invalid syntax. Perhaps you forgot a comma?"},
    {"{1 2}",
     "1:2: invalid syntax. Perhaps you forgot a comma?"},
    {"{1: 2 3: 4}",
     "1:5: invalid syntax. Perhaps you forgot a comma?"},
    {"{a: b, c}",
     "1:8: ':' expected after dictionary key"},
    {"{a: }",
     "1:3: expression expected after dictionary key and ':'"},
    {"{a: *b}",
     "1:5: cannot use a starred expression in a dictionary value"},
    {"f(a b)",
     "1:3: invalid syntax. Perhaps you forgot a comma?"},
    {"x = (a b)",
     "1:6: invalid syntax. Perhaps you forgot a comma?"},
    {"x = [a for a in b c]",
     "1:19: invalid syntax"},
    {"f(x for x in y, 1)",
     "1:3: Generator expression must be parenthesized"},
    {"f(a=1, b)",
     "1:8: positional argument follows keyword argument"},
    {"f(**a, b)",
     "1:8: positional argument follows keyword argument unpacking"},
    {"f(**a, *b)",
     "1:8: iterable argument unpacking follows keyword argument unpacking"},
    {"f(a.b=1)",
     "1:3: expression cannot contain assignment, perhaps you meant \"==\"?"},
    {"def f(a=1, b): pass",
     "1:12: non-default argument follows default argument"},
    {"def f(*): pass",
     "1:7: named arguments must follow bare *"},
    {"def f(*, **k): pass",
     "1:7: named arguments must follow bare *"},
    {"def f(**k, a): pass",
     "1:12: arguments cannot follow var-keyword argument"},
    {"def f(*a, *b): pass",
     "1:11: * argument may appear only once"},
    {"def f(*a=1): pass",
     "1:9: var-positional argument cannot have default value"},
    {"def f(**k=1): pass",
     "1:10: var-keyword argument cannot have default value"},
    {"lambda *: 1",
     "1:8: named arguments must follow bare *"},
    {"f() = 1",
     "1:1: cannot assign to function call here. Maybe you meant '==' instead of '='?"},
    {"a, f() = 1",
     "1:4: cannot assign to function call here. Maybe you meant '==' instead of '='?"},
    {"f(), a = 1",
     "1:6: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
    {"x = f() = 1",
     "1:5: cannot assign to function call"},
    {"1 = x",
     "1:1: cannot assign to literal here. Maybe you meant '==' instead of '='?"},
    {"None = 1",
     "1:1: cannot assign to None"},
    {"True = 1",
     "1:1: cannot assign to True"},
    {"... = 1",
     "1:1: cannot assign to ellipsis here. Maybe you meant '==' instead of '='?"},
    {"a + b = c",
     "1:1: cannot assign to expression here. Maybe you meant '==' instead of '='?"},
    {"(a, b) + c = d",
     "1:1: cannot assign to expression"},
    {"x = yield = 1",
     "1:5: assignment to yield expression not possible"},
    {"lambda: 1 = x",
     "1:1: cannot assign to lambda"},
    {"not x = 1",
     "1:1: cannot assign to expression"},
    {"[a, 1] = x",
     "1:5: cannot assign to literal"},
    {"f() += 1",
     "1:1: 'function call' is an illegal expression for augmented assignment"},
    {"(a, b) += 1",
     "1:1: 'tuple' is an illegal expression for augmented assignment"},
    {"[a] += 1",
     "1:1: 'list' is an illegal expression for augmented assignment"},
    {"[a, b]: int = 1",
     "1:1: only single target (not list) can be annotated"},
    {"(a, b): int = 1",
     "1:1: only single target (not tuple) can be annotated"},
    {"f(): int = 1",
     "1:1: illegal target for annotation"},
    {"*a = 1",
     "1:1: starred assignment target must be in a list or tuple"},
    {"a, *b, *c = 1",
     "1:1: multiple starred expressions in assignment"},
    {"x = *a",
     "1:5: can't use starred expression here"},
    {"print(*a) + *b",
     "1:13: invalid syntax"},
    {"*a",
     "1:1: can't use starred expression here"},
    {"x = (*a)",
     "1:6: cannot use starred expression here"},
    {"return *a",
     "1:8: can't use starred expression here"},
    {"for f() in x: pass",
     "1:5: cannot assign to function call"},
    {"for *a in x: pass",
     "1:5: starred assignment target must be in a list or tuple"},
    {"[x for f() in y]",
     "1:8: cannot assign to function call"},
    {"with a as f(): pass",
     "1:11: cannot assign to function call"},
    {"del f()",
     "1:5: cannot delete function call"},
    {"del *a",
     "1:5: cannot delete starred"},
    {"del a + b",
     "1:5: cannot delete expression"},
    {"[s = 1]",
     "1:2: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
    {"[f() = 1]",
     "1:2: cannot assign to function call here. Maybe you meant '==' instead of '='?"},
    {"if x = 1: pass",
     "1:4: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
    {"while x.y = 1: pass",
     "1:7: cannot assign to attribute here. Maybe you meant '==' instead of '='?"},
    {"[x < y = 1]",
     "1:8: invalid syntax"},
    {"x = a if b",
     "1:5: expected 'else' after 'if' expression"},
    {"x = a if b else",
     "1:16: invalid syntax"},
    {"x := 1",
     "1:3: invalid syntax"},
    {"(x.a := 1)",
     "1:2: cannot use assignment expressions with attribute"},
    {"f((y) := 2)",
     "1:7: invalid syntax"},
    {"match x:\n    case 1: pass\n",
     "1:1: match statements are not supported by loopscope"},
    {"match (x):\n    case 1: pass\n",
     "1:1: match statements are not supported by loopscope"},
    {"match [a, b]:\n    case 1: pass\n",
     "1:1: match statements are not supported by loopscope"},
    {"match = 1\nmatch.x = 2\n",
     "(module (assign (name match) (int 1)) (assign (attr (name match) x) (int 2)))"},
    {"def f(a, /): pass",
     "1:10: positional-only parameters (/) are not supported by loopscope"},
    {"from x import *",
     "1:15: 'import *' is not supported by loopscope"},
    {"from . import x",
     "1:6: relative imports are not supported by loopscope"},
    {"from .. import x",
     "1:6: relative imports are not supported by loopscope"},
    {"from ... import x",
     "1:6: relative imports are not supported by loopscope"},
    {"from .a import x",
     "1:6: relative imports are not supported by loopscope"},
    {"from a import b,",
     "1:16: trailing comma not allowed without surrounding parentheses"},
    {"from a import (b",
     "1:15: '(' was never closed"},
    {"import a.",
     "1:10: invalid syntax"},
    {"print \"x\"",
     "1:1: Missing parentheses in call to 'print'. Did you mean print(...)?"},
    {"print x, y",
     "1:1: Missing parentheses in call to 'print'. Did you mean print(...)?"},
    {"exec \"code\"",
     "1:1: Missing parentheses in call to 'exec'. Did you mean exec(...)?"},
    {"`x`",
     "1:1: backticks are not supported by loopscope; use repr()"},
    {"1 <> 2",
     "1:3: '<>' is not supported by loopscope; use '!='"},
    {"x = b'abc' B'\\x00'",
     "(module (assign (name x) (bytes \"abc\\x00\")))"},
    {"x = b'a' 'b'",
     "1:13: cannot mix bytes and nonbytes literals"},
    {"x = (f'{y}'\n b'b')",
     "2:6: cannot mix bytes and nonbytes literals"},
    {"x = 1j",
     "1:5: complex numbers are not supported by loopscope"},
    {"x = 9223372036854775808",
     "1:5: integer literal too large (loopscope integers are 64-bit)"},
    {"x = -9223372036854775808",
     "(module (assign (name x) (int -9223372036854775808)))"},
    {"x = '\\N{BULLET}'",
     "1:6: named Unicode escapes (\\N{...}) are not supported by loopscope"},
    {"x = '\\x4'",
     "1:6: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"},
    {"x = 'abc",
     "1:5: unterminated string literal (detected at line 1)"},
    {"x = '''abc\n",
     "1:5: unterminated triple-quoted string literal (detected at line 1)"},
    {"f'{}'",
     "1:4: f-string: empty expression not allowed"},
    {"f'{ }'",
     "1:5: f-string: empty expression not allowed"},
    {"f'{!r}'",
     "1:4: f-string: expression required before '!'"},
    {"f'{:>3}'",
     "1:4: f-string: expression required before ':'"},
    {"f'{=}'",
     "1:4: f-string: expression required before '='"},
    {"f'{x'",
     "1:5: f-string: expecting '}'"},
    {"f'{x!}'",
     "1:6: f-string: invalid conversion character: expected 's', 'r', or 'a'"},
    {"f'{x!z}'",
     "1:6: f-string: invalid conversion character: expected 's', 'r', or 'a'"},
    {"f'{x!r'",
     "1:7: f-string: expecting '}'"},
    {"f'{x:'",
     "1:6: f-string: expecting '}'"},
    {"f'}'",
     "1:3: f-string: single '}' is not allowed"},
    {"f'{x}}'",
     "1:6: f-string: single '}' is not allowed"},
    {"f'{{x}'",
     "1:6: f-string: single '}' is not allowed"},
    {"f'{\\n}'",
     "1:4: f-string expression part cannot include a backslash"},
    {"f'{#}'",
     "1:4: f-string expression part cannot include '#'"},
    {"f'{a b}'",
     "1:4: f-string: invalid syntax. Perhaps you forgot a comma?"},
    {"f'{a+}'",
     "1:6: f-string: invalid syntax"},
    {"f'{(}'",
     "1:5: f-string: closing parenthesis '}' does not match opening parenthesis '('"},
    {"f'{)}'",
     "1:4: f-string: unmatched ')'"},
    {"f'{(]}'",
     "1:5: f-string: closing parenthesis ']' does not match opening parenthesis '('"},
    {"f'{x:{y:{z}}}'",
     "1:9: f-string: expressions nested too deeply"},
    {"f'{\"a}'",
     "1:3: f-string: unterminated string"},
    {"f'{*a}'",
     "1:4: f-string: cannot use starred expression here"},
    {"f'a\\N{DASH}b'",
     "1:4: named Unicode escapes (\\N{...}) are not supported by loopscope"},
    {"f'{1abc}'",
     "1:4: invalid decimal literal"},
    {"x = f'''\n{a +\n}'''",
     "3:1: f-string: invalid syntax"},
    {"x = f'{a}' f'{b c}'",
     "1:15: f-string: invalid syntax. Perhaps you forgot a comma?"},
    {"async x",
     "1:7: invalid syntax"},
    {"async def f(): pass\nasync = 1\n",
     "2:7: invalid syntax"},
    {"await = 1",
     "1:7: invalid syntax"},
    {"x = await",
     "1:10: invalid syntax"},
    {"def f(x):\n    return x\n  y = 1\n",
     "3:3: unindent does not match any outer indentation level"},
    {"x = [1,\n     2\ny = 3\n",
     "1:5: '[' was never closed"},
    {"x = 1\n)\n",
     "2:1: unmatched ')'"},
    {"x = $",
     "1:5: invalid syntax"},
    {"x = €",
     "1:5: invalid character '€' (U+20AC)"},
    {"if True:\n\tx = 1\n        y = 2\n",
     "3:9: inconsistent use of tabs and spaces in indentation"},
    {"@dec\nx = 1\n",
     "2:1: invalid syntax"},
    {"@dec\n\ndef f(): pass\n",
     "(module (def f (decorators (name dec)) (params) (body (pass))))"},
    {"class C(x for x in y): pass",
     "1:11: invalid syntax"},
    {"x = {**a for a in b}",
     "1:6: dict unpacking cannot be used in dict comprehension"},
    {"import *",
     "1:8: invalid syntax"},
    {"global x.y",
     "1:9: invalid syntax"},
    {"nonlocal",
     "1:9: invalid syntax"},
    {"assert",
     "1:7: invalid syntax"},
    {"raise from e",
     "1:7: invalid syntax"},
    {"x = lambda: (yield)",
     "(module (assign (name x) (lambda (params) (yield))))"},
    {"x = [*a for a in b]",
     "1:6: iterable unpacking cannot be used in comprehension"},
    {"x = (*a for a in b)",
     "1:6: iterable unpacking cannot be used in comprehension"},
    {"x = {*a for a in b}",
     "1:6: iterable unpacking cannot be used in comprehension"},
    {"with a as b c: pass",
     "1:13: invalid syntax"},
    {"with (a as b: pass",
     "1:13: invalid syntax"},
    {"for x in: pass",
     "1:9: invalid syntax"},
    {"for in x: pass",
     "1:5: invalid syntax"},
    {"x = (a) = 1",
     "(module (assign (name x) (name a) (int 1)))"},
    {"(a) = 1",
     "(module (assign (name a) (int 1)))"},
    {"f(a for a in b for)",
     "1:19: invalid syntax"},
    {"x = a.1",
     "1:6: invalid syntax"},
    {"x = a.",
     "1:7: invalid syntax"},
    {"x = 1 2",
     "1:7: invalid syntax"},
    {"x = 1\n    y = 2\n",
     "2:5: unexpected indent"},
    {"if x:\n    pass\n  else:\n    pass\n",
     "3:3: unindent does not match any outer indentation level"},
};

START_TEST(test_trees)
{
    const ParseCase *c = &tree_cases[_i];
    char *got = parse_str(c->src);
    ck_assert_msg(strcmp(got, c->want) == 0, "parsing \"%s\"\n got: %s\nwant: %s", c->src, got,
                  c->want);
    free(got);
}
END_TEST

/* The messages above are 3.11's: its f-string grammar (3.12's is below). */
START_TEST(test_errors)
{
    const ParseCase *c = &error_cases[_i];
    pyver_set(11);
    char *got = parse_str(c->src);
    pyver_set(PYVER_DEFAULT);
    ck_assert_msg(strcmp(got, c->want) == 0, "parsing \"%s\"\n got: %s\nwant: %s", c->src, got,
                  c->want);
    free(got);
}
END_TEST

/* 3.12's f-strings (PEP 701): fields are code; messages checked against
 * CPython 3.12.1. A want starting with "(module" is a parse that works. */
static const ParseCase fstring312_cases[] = {
    {"x = f'{'a'}'", "(module"},
    {"x = f\"{\"\\n\".join(y)}\"", "(module"},
    {"x = f'{y # note\n}'", "(module"},
    {"x = f'{f'{f'{y}'}'}'", "(module"},
    {"x = f'{y:{z:{w}}}'", "(module"},
    {"x = f'{y!r:>{w}}'", "(module"},
    {"def f[T](x: T) -> T: pass", "(module"},
    {"class C[T, *Ts, **P]: pass", "(module"},
    {"f'{}'", "1:4: f-string: valid expression required before '}'"},
    {"f'{x!z}'", "1:6: f-string: invalid conversion character 'z': expected 's', 'r', or 'a'"},
    {"f'{x'", "1:5: f-string: expecting '}'"},
    {"x = f'{1} and more", "1:5: unterminated f-string literal (detected at line 1)"},
    {"type X = int", "1:1: type statements (PEP 695) are not supported by loopscope"},
};

START_TEST(test_fstring312)
{
    const ParseCase *c = &fstring312_cases[_i];
    pyver_set(12);
    char *got = parse_str(c->src);
    pyver_set(PYVER_DEFAULT);
    ck_assert_msg(strncmp(got, c->want, strlen(c->want)) == 0, "parsing \"%s\"\n got: %s\nwant: %s", c->src,
                  got, c->want);
    free(got);
}
END_TEST

/* A parsed tree kept with its arena and source. */
typedef struct Parsed {
    Source *src;
    Arena *arena;
    Node *root;
    LangError err;
} Parsed;

static Node *parsed_open(Parsed *p, const char *text)
{
    p->src = source_from_string("<test>", text, strlen(text));
    p->arena = arena_new();
    memset(&p->err, 0, sizeof p->err);
    p->root = parse_module(p->src, p->arena, &p->err);
    return p->root;
}

static void parsed_close(Parsed *p)
{
    arena_free(p->arena);
    source_free(p->src);
}

#define ck_assert_span(n, l, c, el, ec)                                                  \
    do {                                                                                   \
        const Node *n_ = (n);                                                              \
        ck_assert_msg(n_->line == (l) && n_->col == (c) && n_->end_line == (el) &&         \
                          n_->end_col == (ec),                                             \
                      "%s at %d:%d-%d:%d, want %d:%d-%d:%d", ast_kind_name(n_->kind),      \
                      n_->line, n_->col, n_->end_line, n_->end_col, (l), (c), (el), (ec)); \
    } while (0)

/* Positions: 1-based, columns in code points, ends just past the node;
 * parentheses belong to the enclosing node, as in CPython. */
START_TEST(test_positions)
{
    Parsed p;
    Node *m = parsed_open(&p, "é = f'ab{cd!r:>{w}}e' + g(x)\n");
    ck_assert_ptr_nonnull(m);
    Node *assign = m->list.items[0];
    ck_assert_span(assign, 1, 1, 1, 29);
    ck_assert_span(assign->list.items[0], 1, 1, 1, 2);
    Node *plus = assign->a;
    ck_assert_span(plus, 1, 5, 1, 29);
    Node *fs = plus->a;
    ck_assert_int_eq(fs->kind, N_FSTRING);
    ck_assert_span(fs, 1, 5, 1, 22);
    ck_assert_int_eq(fs->list.len, 3);
    ck_assert_span(fs->list.items[0], 1, 7, 1, 9);
    Node *fmt = fs->list.items[1];
    ck_assert_int_eq(fmt->kind, N_FORMATTED);
    ck_assert_int_eq(fmt->op, 'r');
    ck_assert_span(fmt, 1, 9, 1, 20);
    ck_assert_span(fmt->a, 1, 10, 1, 12);
    ck_assert_span(fmt->b, 1, 15, 1, 19);
    ck_assert_span(fmt->b->list.items[1]->a, 1, 17, 1, 18);
    ck_assert_span(fs->list.items[2], 1, 20, 1, 21);
    ck_assert_span(plus->b, 1, 25, 1, 29);
    parsed_close(&p);

    m = parsed_open(&p, "@dec\nasync def f(a):\n    return (a +\n            1)\n");
    Node *def = m->list.items[0];
    ck_assert_int_eq(def->kind, N_FUNCDEF);
    ck_assert_int_eq(def->flags & F_ASYNC, F_ASYNC);
    ck_assert_span(def, 2, 1, 4, 15);
    ck_assert_span(def->list3.items[0], 1, 2, 1, 5);
    ck_assert_span(def->list.items[0], 2, 13, 2, 14);
    Node *ret = def->list2.items[0];
    ck_assert_span(ret, 3, 5, 4, 15);
    ck_assert_span(ret->a, 3, 13, 4, 14);
    ck_assert_int_eq(ret->a->flags & F_PAREN, F_PAREN);
    parsed_close(&p);

    m = parsed_open(&p, "x = (a) (b)\ny = (1, 2)[0]\nf(x for x in y)\n");
    ck_assert_span(m->list.items[0]->a, 1, 5, 1, 12);
    ck_assert_span(m->list.items[0]->a->a, 1, 6, 1, 7);
    ck_assert_span(m->list.items[1]->a, 2, 5, 2, 14);
    ck_assert_span(m->list.items[1]->a->a, 2, 5, 2, 11);
    Node *genexp = m->list.items[2]->a->list.items[0];
    ck_assert_int_eq(genexp->kind, N_GENEXP);
    ck_assert_span(genexp, 3, 2, 3, 16);
    parsed_close(&p);

    m = parsed_open(&p, "x = f'''\n{a}\n  {b:{c}}'''");
    fs = m->list.items[0]->a;
    ck_assert_span(fs, 1, 5, 3, 13);
    ck_assert_span(fs->list.items[0], 1, 9, 2, 1);
    ck_assert_span(fs->list.items[1]->a, 2, 2, 2, 3);
    ck_assert_span(fs->list.items[3]->b->list.items[0]->a, 3, 7, 3, 8);
    parsed_close(&p);

    m = parsed_open(&p, "if a:\n    pass\nelif b:\n    x = 1\n");
    ck_assert_span(m->list.items[0], 1, 1, 4, 10);
    ck_assert_span(m->list.items[0]->list2.items[0], 3, 1, 4, 10);
    parsed_close(&p);
}
END_TEST

START_TEST(test_docstrings)
{
    Parsed p;
    Node *m = parsed_open(&p, "\"\"\"Title.\n\nMore.\"\"\"\nimport asyncio\n"
                              "def f():\n    'fdoc'\n    return 1\n"
                              "async def g():\n    f'not {doc}'\n"
                              "def h():\n    x = 1\n    'late'\n");
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m->str, "Title.\n\nMore.");
    ck_assert_int_eq(m->list.len, 5);
    ck_assert_int_eq(m->list.items[0]->kind, N_EXPR);   /* kept in the body */
    Node *f = m->list.items[2];
    ck_assert_ptr_nonnull(f->c);
    ck_assert_int_eq(f->c->kind, N_STR);
    ck_assert_str_eq(f->c->str, "fdoc");
    ck_assert_ptr_eq(f->c, f->list2.items[0]->a);
    ck_assert_ptr_null(m->list.items[3]->c);
    ck_assert_ptr_null(m->list.items[4]->c);
    parsed_close(&p);

    m = parsed_open(&p, "x = 1\n'not a docstring'\n");
    ck_assert_ptr_null(m->str);
    parsed_close(&p);
    m = parsed_open(&p, "");
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->list.len, 0);
    ck_assert_ptr_null(m->str);
    parsed_close(&p);
}
END_TEST

/* Fields the dump does not show. */
START_TEST(test_fields)
{
    Parsed p;
    Node *m = parsed_open(&p, "s = 'a\\0b' 'c'\nx = a < b\ntry:\n    pass\nexcept* E:\n    pass\n"
                              "from a.b import c\n");
    Node *s = m->list.items[0]->a;
    ck_assert_int_eq(s->kind, N_STR);
    ck_assert_uint_eq(s->len, 4);
    ck_assert_int_eq(memcmp(s->str, "a\0bc", 5), 0);
    Node *cmp = m->list.items[1]->a;
    ck_assert_int_eq(cmp->ops[0], OP_LT);
    ck_assert_int_eq(m->list.items[2]->flags & F_STAR, F_STAR);
    ck_assert_int_eq(m->list.items[3]->ival, 0);
    ck_assert_str_eq(m->list.items[3]->str, "a.b");
    parsed_close(&p);

    m = parsed_open(&p, "f'{x=}{y = :>3}{z!a}'");
    Node *fs = m->list.items[0]->a;
    ck_assert_int_eq(fs->list.len, 3);
    ck_assert_str_eq(fs->list.items[0]->str, "x=");
    ck_assert_uint_eq(fs->list.items[0]->len, 2);
    ck_assert_int_eq(fs->list.items[0]->op, 'r');
    ck_assert_str_eq(fs->list.items[1]->str, "y = ");
    ck_assert_int_eq(fs->list.items[1]->op, 0);   /* a spec: no default !r */
    ck_assert_ptr_null(fs->list.items[2]->str);
    ck_assert_int_eq(fs->list.items[2]->op, 'a');
    parsed_close(&p);
}
END_TEST

/* Errors come back as NULL plus a located message; parsing never prints. */
START_TEST(test_error_contract)
{
    Parsed p;
    ck_assert_ptr_null(parsed_open(&p, "x = (1,\n     2\n"));
    ck_assert_int_eq(p.err.line, 1);
    ck_assert_int_eq(p.err.col, 5);
    ck_assert_str_eq(p.err.msg, "'(' was never closed");
    char buf[512];
    FILE *out = fmemopen(buf, sizeof buf, "w");
    source_print_error(out, p.src, &p.err);
    fclose(out);
    ck_assert_str_eq(buf, "<test>:1:5: error: '(' was never closed\n    x = (1,\n        ^\n");
    parsed_close(&p);

    /* only the first error, even with many */
    ck_assert_ptr_null(parsed_open(&p, "x = = 1\ny = = 2\n"));
    ck_assert_int_eq(p.err.line, 1);
    parsed_close(&p);
}
END_TEST

/* Hostile input: deep nesting fails fast and cleanly, long flat input
 * works, and nothing overflows the C stack. */
START_TEST(test_limits)
{
    static const char *const nested =
        "1:201: too deeply nested (loopscope's limit is 200 levels)";
    Buf b;
    buf_init(&b);
    clock_t start = clock();

    for (int i = 0; i < 10000; i++)
        buf_putc(&b, '(');
    char *got = parse_n(b.s, b.len);
    ck_assert_str_eq(got, nested);
    free(got);

    buf_clear(&b);
    buf_puts(&b, "x = ");
    for (int i = 0; i < 190; i++)
        buf_putc(&b, '(');
    buf_putc(&b, '1');
    for (int i = 0; i < 190; i++)
        buf_putc(&b, ')');
    got = parse_n(b.s, b.len);
    ck_assert_str_eq(got, "(module (assign (name x) (int 1)))");
    free(got);

    /* recursion that is not bracketed counts too */
    static const struct {
        const char *unit, *tail;
        int reps;
        const char *want_prefix;
    } reps[] = {
        {"-", "1", 100000, "1:"},
        {"not ", "1", 10000, "1:"},
        {"lambda: ", "1", 10000, "1:"},
        {"a if b else ", "c", 10000, "1:"},
        {"a + ", "a", 100000, "1:"},
        {"a ** ", "a", 100000, "1:"},
        {"a.", "b", 100000, "1:"},
        {"[x for x in ", "y", 10000, "1:"},
    };
    for (size_t i = 0; i < sizeof reps / sizeof reps[0]; i++) {
        buf_clear(&b);
        buf_puts(&b, "x = ");
        for (int k = 0; k < reps[i].reps; k++)
            buf_puts(&b, reps[i].unit);
        buf_puts(&b, reps[i].tail);
        got = parse_n(b.s, b.len);
        ck_assert_msg(strstr(got, "too deeply nested (loopscope's limit is 200 levels)") != NULL,
                      "%s...: %.100s", reps[i].unit, got);
        free(got);
    }

    /* an elif chain nests in the tree */
    buf_clear(&b);
    buf_puts(&b, "if a: pass\n");
    for (int i = 0; i < 1000; i++)
        buf_puts(&b, "elif a: pass\n");
    got = parse_n(b.s, b.len);
    ck_assert_str_eq(got, "201:6: too deeply nested (loopscope's limit is 200 levels)");
    free(got);

    /* nested blocks: 99 are fine, 101 too many for the lexer */
    buf_clear(&b);
    for (int i = 0; i < 99; i++) {
        for (int k = 0; k < i; k++)
            buf_putc(&b, ' ');
        buf_puts(&b, "if x:\n");
    }
    for (int k = 0; k < 99; k++)
        buf_putc(&b, ' ');
    buf_puts(&b, "pass\n");
    got = parse_n(b.s, b.len);
    ck_assert_msg(strncmp(got, "(module (if", 11) == 0, "%.100s", got);
    free(got);

    /* inside an f-string (3.11's grammar; 3.12's scan finds no end) */
    buf_clear(&b);
    buf_puts(&b, "x = f'{");
    for (int i = 0; i < 10000; i++)
        buf_putc(&b, '(');
    buf_puts(&b, "}'");
    pyver_set(11);
    got = parse_n(b.s, b.len);
    pyver_set(PYVER_DEFAULT);
    ck_assert_str_eq(got, "1:208: too deeply nested (loopscope's limit is 200 levels)");
    free(got);
    got = parse_n(b.s, b.len);
    ck_assert_str_eq(got, "1:10009: f-string: expecting '}'");
    free(got);

    /* long but flat: fine */
    buf_clear(&b);
    buf_puts(&b, "x = [");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "1, ");
    buf_puts(&b, "]\n");
    for (int i = 0; i < 10000; i++)
        buf_puts(&b, "y = 'a' 'b' f'{c}' < d < e and f or g\n");
    got = parse_n(b.s, b.len);
    ck_assert_msg(strncmp(got, "(module (assign (name x) (list (int 1) (int 1)", 46) == 0,
                  "%.100s", got);
    free(got);

    buf_free(&b);
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    ck_assert_msg(secs < 10.0, "limits took %.1fs", secs);
}
END_TEST

START_TEST(test_kind_names)
{
    ck_assert_str_eq(ast_kind_name(N_CALL), "call");
    ck_assert_str_eq(ast_kind_name(N_COMPFOR), "compfor");
    ck_assert_str_eq(ast_kind_name(N_YIELDFROM), "yieldfrom");
    ck_assert_str_eq(ast_kind_name(N_DEL), "del");
    ck_assert_str_eq(ast_kind_name(N_KIND_COUNT), "?");
    Buf b;
    buf_init(&b);
    ast_dump(NULL, &b);
    ck_assert_str_eq(b.s, "_");
    buf_free(&b);
}
END_TEST

Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("parse");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_trees, 0, (int)(sizeof tree_cases / sizeof tree_cases[0]));
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof error_cases / sizeof error_cases[0]));
    tcase_add_loop_test(tc, test_fstring312, 0, (int)(sizeof fstring312_cases / sizeof fstring312_cases[0]));
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_docstrings);
    tcase_add_test(tc, test_fields);
    tcase_add_test(tc, test_error_contract);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_kind_names);
    suite_add_tcase(s, tc);
    return s;
}
