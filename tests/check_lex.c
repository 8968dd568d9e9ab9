/* check_lex.c: unit tests for src/lang/lex.c.
 * Owns: the lex suite. Token streams are compared in a compact rendering
 * (see put_token); the error rows (message, line and column) were checked
 * against CPython 3.11.7's compile() where Python rejects the input too.
 * Columns are 1-based and count code points. */
#include "suites.h"

#include "../src/base/base.h"
#include "../src/py/front/lex.h"
#include "../src/base/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_quoted(Buf *b, const char *s, size_t n)
{
    buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c == '\n')
            buf_puts(b, "\\n");
        else if (c == '\t')
            buf_puts(b, "\\t");
        else if (c < 0x20 || c == 0x7f)
            buf_printf(b, "\\x%02x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '"');
}

/* One token, compactly: NAME x, NUMBER 42 or 0.5, STRING "..", FSTRING
 * F"body"@line:col, operators and keywords by their text, NEWLINE as NL,
 * INDENT as IN, DEDENT as DE, ENDMARKER as EOF. */
static void put_token(Buf *b, const Token *t)
{
    switch (t->kind) {
    case T_NAME: buf_puts(b, t->str); break;
    case T_NUMBER:
        if (t->is_float) {
            char tmp[40];
            for (int prec = 1; prec <= 17; prec++) {
                snprintf(tmp, sizeof tmp, "%.*g", prec, t->fval);
                if (strtod(tmp, NULL) == t->fval)
                    break;
            }
            buf_printf(b, "%s%s", tmp, strpbrk(tmp, ".eni") ? "" : ".0");
        } else {
            buf_printf(b, "%lld", (long long)t->ival);
        }
        break;
    case T_STRING:
        if (t->sflags & S_BYTES)
            buf_putc(b, 'b');
        if (t->sflags & S_RAW)
            buf_putc(b, 'r');
        put_quoted(b, t->str, t->len);
        break;
    case T_FSTRING:
        buf_puts(b, t->sflags & S_RAW ? "rF" : "F");
        put_quoted(b, t->str, t->len);
        buf_printf(b, "@%d:%d", t->body_line, t->body_col);
        break;
    case T_NEWLINE: buf_puts(b, "NL"); break;
    case T_INDENT: buf_puts(b, "IN"); break;
    case T_DEDENT: buf_puts(b, "DE"); break;
    case T_ENDMARKER: buf_puts(b, "EOF"); break;
    default: {
        const char *n = lex_kind_name(t->kind);   /* "'+='" */
        buf_putn(b, n + 1, strlen(n) - 2);
    }
    }
}

/* All the tokens of text, space-separated; a lexical error ends the list
 * with "ERROR line:col: message". with_pos adds @line:col-line:col. */
static char *lex_all(const char *text, size_t n, int with_pos)
{
    Source *src = source_from_string("<test>", text, n);
    Arena *arena = arena_new();
    Lexer *lx = xmalloc(sizeof *lx);
    lex_init(lx, src, arena);
    Buf b;
    buf_init(&b);
    for (int i = 0; i < 10000; i++) {
        TokKind k = lex_next(lx);
        if (b.len)
            buf_putc(&b, ' ');
        if (k == T_ERROR) {
            buf_printf(&b, "ERROR %d:%d: %s", lx->err.line, lx->err.col, lx->err.msg);
            break;
        }
        put_token(&b, &lx->t);
        if (with_pos)
            buf_printf(&b, "@%d:%d-%d:%d", lx->t.line, lx->t.col, lx->t.end_line, lx->t.end_col);
        if (k == T_ENDMARKER)
            break;
    }
    free(lx);
    arena_free(arena);
    source_free(src);
    char *out = buf_take(&b, NULL);
    buf_free(&b);
    return out;
}

static char *lex_str(const char *text)
{
    return lex_all(text, strlen(text), 0);
}

typedef struct LexCase {
    const char *src, *want;
} LexCase;

/* Token streams: indentation, line joining, numbers, strings, f-strings. */
static const LexCase token_cases[] = {
    {"x = 1\n",
     "x = 1 NL EOF"},
    {"x = 1",
     "x = 1 NL EOF"},
    {"",
     "EOF"},
    {"# only a comment\n\n   \n",
     "EOF"},
    {"if x:\n    y = 2\nz\n",
     "if x : NL IN y = 2 NL DE z NL EOF"},
    {"if a:\n  if b:\n    if c:\n      d\ne\n",
     "if a : NL IN if b : NL IN if c : NL IN d NL DE DE DE e NL EOF"},
    {"if a:\n  if b:\n    c\n",
     "if a : NL IN if b : NL IN c NL DE DE EOF"},
    {"if a:\n  b\n  # comment at another indent\n\n      \n  c\n",
     "if a : NL IN b NL c NL DE EOF"},
    {"if a:\n    b\n  # dedent comment\n    c\n",
     "if a : NL IN b NL c NL DE EOF"},
    {"def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n",
     "def f ( ) : NL IN if x : NL IN return 1 NL DE return 2 NL DE EOF"},
    {"if a:\n\tb\n        c\n",
     "if a : NL IN b NL ERROR 3:9: inconsistent use of tabs and spaces in indentation"},
    {"if a:\n  \fb\n",
     "if a : NL b NL EOF"},
    {"x = 1 + \\\n    2\n",
     "x = 1 + 2 NL EOF"},
    {"if a and \\\n   b:\n    pass\n",
     "if a and b : NL IN pass NL DE EOF"},
    {"x = (1,\n     2,\n\n  # comment\n 3)\ny\n",
     "x = ( 1 , 2 , 3 ) NL y NL EOF"},
    {"f(a,\n  b)[\n0]\n",
     "f ( a , b ) [ 0 ] NL EOF"},
    {"x = {\n  'k': [1,\n 2]}\n",
     "x = { \"k\" : [ 1 , 2 ] } NL EOF"},
    {"async def f(): await x",
     "async def f ( ) : await x NL EOF"},
    {"match case _ type print",
     "match case _ type print NL EOF"},
    {"a.b; c",
     "a . b ; c NL EOF"},
    {"a->b ... : := <> != == <= >= << >> ** // @",
     "a -> b ... : := <> != == <= >= << >> ** // @ NL EOF"},
    {"+= -= *= /= //= %= **= >>= <<= &= |= ^= @=",
     "+= -= *= /= //= %= **= >>= <<= &= |= ^= @= NL EOF"},
    {"~ ^ | & % ! `",
     "~ ^ | & % ! ` NL EOF"},
    {"0 7 00 0_0 42 1_000_000 9223372036854775807",
     "0 7 0 0 42 1000000 9223372036854775807 NL EOF"},
    {"0x1F 0X_ff 0o17 0O7 0b101 0B1_0 0x7fffffffffffffff",
     "31 255 15 7 5 2 9223372036854775807 NL EOF"},
    {"1.5 .5 5. 1e10 1E+5 1.5e-3 1_0.0_1 0e0 1e308 0.1",
     "1.5 0.5 5.0 1e+10 1e+05 0.0015 10.01 0.0 1e+308 0.1 NL EOF"},
    {"1if x else 2",
     "1 if x else 2 NL EOF"},
    {"1 .real 1.0.real",
     "1 . real 1.0 . real NL EOF"},
    {"007.5 00e1",
     "7.5 0.0 NL EOF"},
    {"'a' \"b\" '''c''' \"\"\"d\"\"\"",
     "\"a\" \"b\" \"c\" \"d\" NL EOF"},
    {"'it''s' \"say \\\"hi\\\"\"",
     "\"it\" \"s\" \"say \\\"hi\\\"\" NL EOF"},
    {"'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0'",
     "\"\\n\\t\\x0d\\\\'\\\"\\x07\\x08\\x0c\\x0b\\x00\" NL EOF"},
    {"'\\101\\x41\\u20ac\\U0001F600\\777'",
     "\"AA€😀ǿ\" NL EOF"},
    {"'\\q \\d \\('",
     "\"\\\\q \\\\d \\\\(\" NL EOF"},
    {"'a\\\nb'",
     "\"ab\" NL EOF"},
    {"r'\\n\\q' R\"\\d\" r'\\'' rb",
     "r\"\\\\n\\\\q\" r\"\\\\d\" r\"\\\\'\" rb NL EOF"},
    {"b'\\101\\x41\\u20ac\\N{x}\\q\\0' B\"\\x7f\\477\\\n\" rb'\\x41' bR'\\n'",
     "b\"AA\\\\u20ac\\\\N{x}\\\\q\\x00\" b\"\\x7f?\" br\"\\\\x41\" br\"\\\\n\" NL EOF"},
    {"x = b'\\x4'",
     "x = ERROR 1:7: (value error) invalid \\x escape at position 0"},
    {"x = b'ab\\xg0'",
     "x = ERROR 1:9: (value error) invalid \\x escape at position 2"},
    {"x = b'\xc3\xa9'",
     "x = ERROR 1:5: bytes can only contain ASCII literal characters"},
    {"u'x' U\"y\"",
     "\"x\" \"y\" NL EOF"},
    {"'''line1\nline2'''",
     "\"line1\\nline2\" NL EOF"},
    {"'''a'b''c\"d'''",
     "\"a'b''c\\\"d\" NL EOF"},
    {"\"é\" 'ü€'",
     "\"é\" \"ü€\" NL EOF"},
    {"f'a{b}c' F\"x\"",
     "F\"a{b}c\"@1:3 F\"x\"@1:12 NL EOF"},
    {"rf'\\n{x}' fR\"{y}\\d\" Rf'' FR\"\"",
     "rF\"\\\\n{x}\"@1:4 rF\"{y}\\\\d\"@1:14 rF\"\"@1:24 rF\"\"@1:29 NL EOF"},
    {"x = f'''\n{a}\n'''",
     "x = F\"\\n{a}\\n\"@1:9 NL EOF"},
    {"f'{x!r:>{w}}' f\"{'q'}\"",
     "F\"{x!r:>{w}}\"@1:3 F\"{'q'}\"@1:17 NL EOF"},
    {"über = 1; é2 = ü",
     "über = 1 ; é2 = ü NL EOF"},
    {"x ＿ y",
     "x ＿ y NL EOF"},
};

/* Lexical errors: the tokens before the error, then the error. */
static const LexCase error_cases[] = {
    {"1abc",
     "ERROR 1:1: invalid decimal literal"},
    {"1_000_",
     "ERROR 1:6: invalid decimal literal"},
    {"1__0",
     "ERROR 1:2: invalid decimal literal"},
    {"1_",
     "ERROR 1:2: invalid decimal literal"},
    {"0x",
     "ERROR 1:2: invalid hexadecimal literal"},
    {"0xg",
     "ERROR 1:2: invalid hexadecimal literal"},
    {"0b2",
     "ERROR 1:3: invalid digit '2' in binary literal"},
    {"0b1_2",
     "ERROR 1:5: invalid digit '2' in binary literal"},
    {"0o8",
     "ERROR 1:3: invalid digit '8' in octal literal"},
    {"0o",
     "ERROR 1:2: invalid octal literal"},
    {"012",
     "ERROR 1:1: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
    {"1e",
     "ERROR 1:1: invalid decimal literal"},
    {"1e+",
     "ERROR 1:3: invalid decimal literal"},
    {"1.__x",
     "ERROR 1:3: invalid decimal literal"},
    {"1jx",
     "ERROR 1:1: invalid imaginary literal"},
    {"x = 'abc\ny = 1\n",
     "x = ERROR 1:5: unterminated string literal (detected at line 1)"},
    {"x = \"abc",
     "x = ERROR 1:5: unterminated string literal (detected at line 1)"},
    {"x = '''abc\n\n",
     "x = ERROR 1:5: unterminated triple-quoted string literal (detected at line 2)"},
    {"x = \"\"\"abc\n\ndef",
     "x = ERROR 1:5: unterminated triple-quoted string literal (detected at line 3)"},
    {"x = (1,\n2\n",
     "x = ( 1 , 2 ERROR 1:5: '(' was never closed"},
    {"x = [1, {2\n",
     "x = [ 1 , { 2 ERROR 1:9: '{' was never closed"},
    {"x = )",
     "x = ERROR 1:5: unmatched ')'"},
    {"x = (1]",
     "x = ( 1 ERROR 1:7: closing parenthesis ']' does not match opening parenthesis '('"},
    {"x = (1,\n 2}",
     "x = ( 1 , 2 ERROR 2:3: closing parenthesis '}' does not match opening parenthesis '(' on line 1"},
    {"x = €",
     "x = ERROR 1:5: invalid character '€' (U+20AC)"},
    {"x = \xc2\xa0",
     "x = ERROR 1:5: invalid non-printable character U+00A0"},
    {"x = $",
     "x = ERROR 1:5: invalid syntax"},
    {"x = ?",
     "x = ERROR 1:5: invalid syntax"},
    {"x = \x01",
     "x = ERROR 1:5: invalid non-printable character U+0001"},
    {"\xe2\x80\x9chi\xe2\x80\x9d",
     "ERROR 1:1: invalid character '“' (U+201C)"},
    {"a\n    b\n",
     "a NL IN b NL DE EOF"},
    {"if x:\n  a\n b\n",
     "if x : NL IN a NL ERROR 3:2: unindent does not match any outer indentation level"},
    {"if x:\n\ta\n        b\n",
     "if x : NL IN a NL ERROR 3:9: inconsistent use of tabs and spaces in indentation"},
    {"if x:\n        a\n\tb\n",
     "if x : NL IN a NL ERROR 3:2: inconsistent use of tabs and spaces in indentation"},
    {"x = \\ y",
     "x = ERROR 1:6: unexpected character after line continuation character"},
    {"x = 1 \\",
     "x = 1 ERROR 1:8: unexpected EOF while parsing"},
    {"x = 1 \\\n",
     "x = 1 ERROR 1:8: unexpected EOF while parsing"},
    {"x = '\\x4'",
     "x = ERROR 1:6: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"},
    {"x = '\\x'",
     "x = ERROR 1:6: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"},
    {"x = '\\u12g4'",
     "x = ERROR 1:6: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"},
    {"x = '\\U0011FFFF'",
     "x = ERROR 1:6: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"},
    {"x = '\xff'",
     "ERROR 1:6: invalid UTF-8 in source"},
    {"x = '\xc0\x80'",
     "ERROR 1:6: invalid UTF-8 in source"},
    {"x = '\xed\xa0\x80'",
     "ERROR 1:6: invalid UTF-8 in source"},
    {"x = '\xf4\x90\x80\x80'",
     "ERROR 1:6: invalid UTF-8 in source"},
    {"x = '\xe2\x82'",
     "ERROR 1:6: invalid UTF-8 in source"},
    {"x = 1\n\xe2\x82\xac",
     "x = 1 NL ERROR 2:1: invalid character '€' (U+20AC)"},
};

START_TEST(test_tokens)
{
    const LexCase *c = &token_cases[_i];
    char *got = lex_str(c->src);
    ck_assert_msg(strcmp(got, c->want) == 0, "lexing \"%s\"\n got: %s\nwant: %s", c->src, got,
                  c->want);
    free(got);
}
END_TEST

START_TEST(test_errors)
{
    const LexCase *c = &error_cases[_i];
    char *got = lex_str(c->src);
    ck_assert_msg(strcmp(got, c->want) == 0, "lexing \"%s\"\n got: %s\nwant: %s", c->src, got,
                  c->want);
    free(got);
}
END_TEST

/* NUL bytes cannot go through a C string table. */
START_TEST(test_null_byte)
{
    char *got = lex_all("x = 1\ny\0z\n", 10, 0);
    ck_assert_str_eq(got, "ERROR 2:2: source code cannot contain null bytes");
    free(got);
}
END_TEST

/* Columns count code points; ends are just past the token. */
START_TEST(test_positions)
{
    const char *t1 = "é = 'ü€' + \\\n  x # c\n";
    char *got = lex_all(t1, strlen(t1), 1);
    ck_assert_str_eq(got, "é@1:1-1:2 =@1:3-1:4 \"ü€\"@1:5-1:9 +@1:10-1:11 x@2:3-2:4 "
                          "NL@2:8-2:9 EOF@2:8-2:8");
    free(got);
    const char *t2 = "if a:\n    b = '''x\ny'''\nc";
    got = lex_all(t2, strlen(t2), 1);
    ck_assert_str_eq(got,
                     "if@1:1-1:3 a@1:4-1:5 :@1:5-1:6 NL@1:6-1:7 IN@2:5-2:5 b@2:5-2:6 "
                     "=@2:7-2:8 \"x\\ny\"@2:9-3:5 NL@3:5-3:6 DE@4:1-4:1 c@4:1-4:2 "
                     "NL@4:2-4:2 EOF@4:2-4:2");
    free(got);
    /* the final newline places the end-of-file tokens */
    got = lex_all("if a:\n  b\n", 10, 1);
    ck_assert_str_eq(got, "if@1:1-1:3 a@1:4-1:5 :@1:5-1:6 NL@1:6-1:7 IN@2:3-2:3 "
                          "b@2:3-2:4 NL@2:4-2:5 DE@2:4-2:4 EOF@2:4-2:4");
    free(got);
}
END_TEST

/* Each test below lexes one source with a fresh Lexer. */
typedef struct Fixture {
    Source *src;
    Arena *arena;
    Lexer *lx;
} Fixture;

static Lexer *fixture_open(Fixture *f, const char *text)
{
    f->src = source_from_string("<test>", text, strlen(text));
    f->arena = arena_new();
    f->lx = xmalloc(sizeof *f->lx);
    lex_init(f->lx, f->src, f->arena);
    return f->lx;
}

static void fixture_close(Fixture *f)
{
    free(f->lx);
    arena_free(f->arena);
    source_free(f->src);
}

/* f-string tokens carry the raw body and where it starts. */
START_TEST(test_fstring_token)
{
    Fixture f;
    Lexer *lx = fixture_open(&f, "x = rf'''\n{a!r}\\n'''");
    lex_next(lx);
    lex_next(lx);
    ck_assert_int_eq(lex_next(lx), T_FSTRING);
    ck_assert_int_eq(lx->t.sflags, S_RAW | S_TRIPLE);
    ck_assert_str_eq(lx->t.str, "\n{a!r}\\n");
    ck_assert_uint_eq(lx->t.len, 8);
    ck_assert_int_eq(lx->t.body_line, 1);
    ck_assert_int_eq(lx->t.body_col, 10);
    ck_assert_ptr_eq(lx->t.body, f.src->text + 9);
    ck_assert_int_eq(lx->t.line, 1);
    ck_assert_int_eq(lx->t.col, 5);
    ck_assert_int_eq(lx->t.end_line, 2);
    ck_assert_int_eq(lx->t.end_col, 11);
    ck_assert_int_eq(lex_next(lx), T_NEWLINE);
    ck_assert_int_eq(lex_next(lx), T_ENDMARKER);
    fixture_close(&f);

    lx = fixture_open(&f, "f\"{'a'}\" F'''\"'''");
    ck_assert_int_eq(lex_next(lx), T_FSTRING);
    ck_assert_int_eq(lx->t.sflags, S_DQUOTE);
    ck_assert_int_eq(lex_next(lx), T_FSTRING);
    ck_assert_int_eq(lx->t.sflags, S_TRIPLE);
    ck_assert_str_eq(lx->t.str, "\"");
    fixture_close(&f);
}
END_TEST

/* One token of lookahead; peeking does not consume. */
START_TEST(test_lookahead)
{
    Fixture f;
    Lexer *lx = fixture_open(&f, "f(a=1)");
    ck_assert_int_eq(lex_next(lx), T_NAME);
    ck_assert_int_eq(lex_peek(lx), T_LPAR);
    ck_assert_int_eq(lex_peek(lx), T_LPAR);
    ck_assert_str_eq(lx->t.str, "f");
    ck_assert_int_eq(lex_next(lx), T_LPAR);
    ck_assert_int_eq(lex_next(lx), T_NAME);
    ck_assert_int_eq(lex_peek(lx), T_EQUAL);
    ck_assert_str_eq(lx->t.str, "a");
    ck_assert_int_eq(lex_next(lx), T_EQUAL);
    ck_assert_int_eq(lex_next(lx), T_NUMBER);
    ck_assert_int_eq(lx->t.ival, 1);
    ck_assert_int_eq(lex_next(lx), T_RPAR);
    ck_assert_int_eq(lex_next(lx), T_NEWLINE);
    ck_assert_int_eq(lex_next(lx), T_ENDMARKER);
    ck_assert_int_eq(lex_next(lx), T_ENDMARKER);
    fixture_close(&f);
}
END_TEST

/* Errors are sticky, and an error met while peeking waits its turn. */
START_TEST(test_sticky_error)
{
    Fixture f;
    Lexer *lx = fixture_open(&f, "a $ b");
    ck_assert_int_eq(lex_next(lx), T_NAME);
    ck_assert_int_eq(lex_peek(lx), T_ERROR);
    ck_assert_str_eq(lx->t.str, "a");
    ck_assert_int_eq(lex_next(lx), T_ERROR);
    ck_assert_str_eq(lx->err.msg, "invalid syntax");
    ck_assert_int_eq(lx->err.col, 3);
    ck_assert_int_eq(lex_next(lx), T_ERROR);
    ck_assert_int_eq(lex_next(lx), T_ERROR);
    fixture_close(&f);
}
END_TEST

/* Invalid escapes are CPython's compile-time warnings: the first of each
 * str or bytes literal, in source order, none for raw strings. */
START_TEST(test_escape_warnings)
{
    Fixture f;
    Lexer *lx = fixture_open(&f, "x = '\\d\\q' r'\\w' b'ok\\777'\ny = '\\n' '\\8' b'\\N'");
    while (lex_next(lx) != T_ENDMARKER && lx->t.kind != T_ERROR)
        ;
    static const struct { int line; const char *msg; } want[] = {
        {1, "invalid escape sequence '\\d'"},
        {1, "invalid octal escape sequence '\\777'"},
        {2, "invalid escape sequence '\\8'"},
        {2, "invalid escape sequence '\\N'"},
    };
    const LexWarning *w = lx->warns->head;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++, w = w->next) {
        ck_assert_msg(w != NULL, "warning %zu missing", i);
        ck_assert_int_eq(w->line, want[i].line);
        ck_assert_str_eq(w->msg, want[i].msg);
    }
    ck_assert_ptr_null(w);
    fixture_close(&f);
}
END_TEST

/* Literals Python takes and loopscope refuses are tokens with a message,
 * reported by the parser only if it uses them. */
START_TEST(test_unsupported_literals)
{
    static const struct {
        const char *src, *msg;
        int col;
    } cases[] = {
        {"x = 1j", "complex numbers are not supported by loopscope", 5},
        {"x = 1.5J", "complex numbers are not supported by loopscope", 5},
        {"x = 9223372036854775808",
         "integer literal too large (loopscope integers are 64-bit)", 5},
        {"x = 0x8000000000000000",
         "integer literal too large (loopscope integers are 64-bit)", 5},
        {"x = 99999999999999999999999999",
         "integer literal too large (loopscope integers are 64-bit)", 5},
        {"x = 'a\\N{DASH}'",
         "named Unicode escapes (\\N{...}) are not supported by loopscope", 7},
        {"x = '\\ud800'",
         "surrogate code points in strings are not supported by loopscope", 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fixture f;
        Lexer *lx = fixture_open(&f, cases[i].src);
        lex_next(lx);
        lex_next(lx);
        TokKind k = lex_next(lx);
        ck_assert_msg(k == T_NUMBER || k == T_STRING, "%s: kind %s", cases[i].src,
                      lex_kind_name(k));
        ck_assert_msg(lx->t.unsupported && strcmp(lx->t.unsupported, cases[i].msg) == 0,
                      "%s: got %s", cases[i].src,
                      lx->t.unsupported ? lx->t.unsupported : "(none)");
        ck_assert_int_eq(lx->t.bad_line, 1);
        ck_assert_int_eq(lx->t.bad_col, cases[i].col);
        ck_assert_int_eq(lex_next(lx), T_NEWLINE);
        fixture_close(&f);
    }
}
END_TEST

/* How a lexical error ranks against an earlier "invalid syntax". */
START_TEST(test_error_rank)
{
    static const struct {
        const char *src;
        int rank;
    } cases[] = {
        {"'abc", LEX_OUTRANKS},
        {"1abc", LEX_OUTRANKS},
        {"x = )", LEX_OUTRANKS},
        {"x = (", LEX_OUTRANKS_IF_EARLIER},
        {"if x:\n  a\n b\n", 0},
        {"x = 1 \\ 2", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fixture f;
        Lexer *lx = fixture_open(&f, cases[i].src);
        while (lex_next(lx) != T_ERROR && lx->t.kind != T_ENDMARKER)
            ;
        ck_assert_int_eq(lx->t.kind, T_ERROR);
        ck_assert_msg(lx->err_rank == cases[i].rank, "%s: rank %d", cases[i].src, lx->err_rank);
        fixture_close(&f);
    }
}
END_TEST

/* 100 indentation levels are fine, the 101st is not; likewise 200 open
 * brackets. Both fail fast. */
START_TEST(test_limits)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i <= 101; i++) {
        for (int k = 0; k < i; k++)
            buf_putc(&b, ' ');
        buf_puts(&b, "if x:\n");
    }
    char *got = lex_all(b.s, b.len - 6 - 101, 0);   /* without the last line */
    ck_assert_ptr_null(strstr(got, "ERROR"));
    free(got);
    got = lex_all(b.s, b.len, 0);
    ck_assert_msg(strstr(got, "ERROR 102:102: too deeply nested (loopscope's limit is 100 "
                              "indentation levels)") != NULL, "%s", got + strlen(got) - 80);
    free(got);
    buf_clear(&b);
    for (int i = 0; i < 10000; i++)
        buf_putc(&b, i % 3 == 0 ? '(' : i % 3 == 1 ? '[' : '{');
    got = lex_all(b.s, b.len, 0);
    ck_assert_ptr_nonnull(strstr(got, "ERROR 1:201: too deeply nested (loopscope's limit is "
                                      "200 levels)"));
    free(got);
    buf_clear(&b);
    for (int i = 0; i < 200; i++)
        buf_putc(&b, '(');
    for (int i = 0; i < 200; i++)
        buf_putc(&b, ')');
    got = lex_all(b.s, b.len, 0);
    ck_assert_ptr_null(strstr(got, "ERROR"));
    free(got);
    buf_free(&b);
}
END_TEST

/* The f-string expression mode: no NEWLINE or indentation, positions
 * continue from the enclosing source, ENDMARKER at the limit. */
START_TEST(test_fexpr_mode)
{
    const char *text = "a +\n    b[1]}rest";
    Arena *arena = arena_new();
    Lexer *lx = xmalloc(sizeof *lx);
    lex_init_fexpr(lx, text, 12, 3, 10, arena);
    Buf b;
    buf_init(&b);
    while (lex_next(lx) != T_ENDMARKER && lx->t.kind != T_ERROR) {
        put_token(&b, &lx->t);
        buf_printf(&b, "@%d:%d ", lx->t.line, lx->t.col);
    }
    put_token(&b, &lx->t);
    buf_printf(&b, "@%d:%d", lx->t.line, lx->t.col);
    ck_assert_str_eq(b.s, "a@3:10 +@3:12 b@4:5 [@4:6 1@4:7 ]@4:8 EOF@4:9");
    buf_free(&b);
    free(lx);
    arena_free(arena);
}
END_TEST

START_TEST(test_unescape)
{
    static const struct {
        const char *in, *out;
        size_t len;
        const char *err;
        int bad;
    } cases[] = {
        {"plain", "plain", 5, NULL, 0},
        {"a\\tb\\nc", "a\tb\nc", 5, NULL, 0},
        {"\\x41\\101\\u00e9\\U0001F600", "AA\xc3\xa9\xf0\x9f\x98\x80", 8, NULL, 0},
        {"\\0\\12\\777", "\0\n\xc7\xbf", 4, NULL, 0},
        {"\\q\\", "\\q\\", 3, NULL, 0},
        {"a\\\nb", "ab", 2, NULL, 0},
        {"ab\\x4", NULL, 0, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                            "position 2-4: truncated \\xXX escape", 2},
        {"\\U00110000", NULL, 0, "(unicode error) 'unicodeescape' codec can't decode bytes "
                                 "in position 0-9: illegal Unicode character", 0},
        {"x\\N{BULLET}", NULL, 0,
         "named Unicode escapes (\\N{...}) are not supported by loopscope", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].in), len = 0;
        char out[64], msg[200];
        const char *bad = NULL;
        int r = lex_unescape(cases[i].in, n, out, &len, &bad, msg, sizeof msg, NULL);
        if (cases[i].out) {
            ck_assert_msg(r == 1, "%s: %s", cases[i].in, msg);
            ck_assert_uint_eq(len, cases[i].len);
            ck_assert_int_eq(memcmp(out, cases[i].out, len), 0);
            ck_assert_int_eq(out[len], '\0');
        } else {
            ck_assert_int_le(r, 0);
            ck_assert_str_eq(msg, cases[i].err);
            ck_assert_ptr_eq(bad, cases[i].in + cases[i].bad);
        }
    }
}
END_TEST

START_TEST(test_names_and_positions)
{
    ck_assert_str_eq(lex_kind_name(T_NAME), "NAME");
    ck_assert_str_eq(lex_kind_name(T_DSLASHEQ), "'//='");
    ck_assert_str_eq(lex_kind_name(T_NONLOCAL), "'nonlocal'");
    ck_assert_str_eq(lex_kind_name(T_KIND_COUNT), "?");
    const char *s = "a\xc3\xa9\n\xe2\x82\xacx";
    int line = 1, col = 1;
    lex_advance_pos(s, s + 3, &line, &col);   /* past "aé" */
    ck_assert_int_eq(line, 1);
    ck_assert_int_eq(col, 3);
    lex_advance_pos(s + 3, s + 7, &line, &col);   /* past "\n€" */
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(col, 2);
}
END_TEST

Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("tokens");
    tcase_add_loop_test(tc, test_tokens, 0, (int)(sizeof token_cases / sizeof token_cases[0]));
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof error_cases / sizeof error_cases[0]));
    tcase_add_test(tc, test_null_byte);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_fstring_token);
    tcase_add_test(tc, test_lookahead);
    tcase_add_test(tc, test_sticky_error);
    tcase_add_test(tc, test_unsupported_literals);
    tcase_add_test(tc, test_escape_warnings);
    tcase_add_test(tc, test_error_rank);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_fexpr_mode);
    tcase_add_test(tc, test_unescape);
    tcase_add_test(tc, test_names_and_positions);
    suite_add_tcase(s, tc);
    return s;
}
