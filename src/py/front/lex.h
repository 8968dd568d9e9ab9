/* lex.h: the lexer, turning a Source's text into Python tokens.
 * Owns: tokens (kinds, positions, decoded payloads), indentation
 * (INDENT/DEDENT), implicit and explicit line joining, bracket matching,
 * number and string literal decoding, and every lexical error message.
 * Leaves to the parser: grammar, f-string bodies (handed over raw, see
 * T_FSTRING) and the meaning of soft keywords. Payload strings live in the
 * caller's Arena. The Lexer struct is public so the parser can read the
 * current token directly, the way Lua's parser reads its LexState. */
#ifndef LS_LEX_H
#define LS_LEX_H

#include "../../base/base.h"
#include "../../base/source.h"

#include <stddef.h>
#include <stdint.h>

typedef enum TokKind {
    T_ERROR,      /* a lexical error; the Lexer's err holds it */
    T_ENDMARKER,
    T_NEWLINE, T_INDENT, T_DEDENT,
    T_NAME,       /* str: the identifier */
    T_NUMBER,     /* is_float ? fval : ival */
    T_STRING,     /* str,len: decoded UTF-8 bytes; sflags */
    T_FSTRING,    /* str,len: raw body between the quotes; body_line,
                     body_col: position of its first character; sflags */
    /* operators and delimiters */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE,
    T_COLON, T_COMMA, T_SEMI, T_DOT, T_ELLIPSIS, T_ARROW, T_AT, T_ATEQ,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_DSLASH, T_PERCENT, T_DSTAR,
    T_VBAR, T_AMPER, T_CIRCUMFLEX, T_TILDE, T_LSHIFT, T_RSHIFT,
    T_LESS, T_GREATER, T_EQEQ, T_NOTEQ, T_LESSEQ, T_GREATEREQ, T_LTGT,
    T_EQUAL, T_COLONEQ,
    T_PLUSEQ, T_MINUSEQ, T_STAREQ, T_SLASHEQ, T_DSLASHEQ, T_PERCENTEQ,
    T_DSTAREQ, T_VBAREQ, T_AMPEREQ, T_CIRCUMFLEXEQ, T_LSHIFTEQ, T_RSHIFTEQ,
    T_BANG,       /* a lone '!': only meaningful inside f-string braces */
    T_BACKTICK,   /* '`': Python 2's repr, lexed so the parser can explain */
    /* keywords (soft keywords such as match stay T_NAME) */
    T_FALSE, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_ASYNC, T_AWAIT,
    T_BREAK, T_CLASS, T_CONTINUE, T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT,
    T_FINALLY, T_FOR, T_FROM, T_GLOBAL, T_IF, T_IMPORT, T_IN, T_IS,
    T_LAMBDA, T_NONLOCAL, T_NOT, T_OR, T_PASS, T_RAISE, T_RETURN, T_TRY,
    T_WHILE, T_WITH, T_YIELD,
    T_KIND_COUNT
} TokKind;

/* String token flags (sflags). */
enum {
    S_RAW = 1,     /* r prefix: escapes were not decoded */
    S_TRIPLE = 2,  /* ''' or """ */
    S_DQUOTE = 4,  /* the quote character is '"' (else '\'') */
    S_BYTES = 8    /* b prefix: str,len are the bytes' values (any byte, NUL too) */
};

typedef struct Token {
    TokKind kind;
    int line, col;          /* start, 1-based; col counts code points */
    int end_line, end_col;  /* just past the last character */
    const char *start;      /* the token's bytes in the scanned text */
    size_t nbytes;
    /* payload */
    const char *str;        /* NAME, STRING, FSTRING (arena, NUL-terminated) */
    size_t len;
    int sflags;
    int body_line, body_col;
    const char *body;       /* FSTRING: the raw body inside the scanned text */
    int is_float;
    int64_t ival;
    double fval;
    /* A literal Python accepts but loopscope does not (bytes, complex,
     * integers past int64, \N{...}): the message and where it points. The
     * parser reports it if it uses the token, so that, as in CPython, an
     * earlier syntax error still comes first. An integer of exactly 2**63
     * has ival INT64_MIN: "-9223372036854775808" is fine. */
    const char *unsupported;
    int bad_line, bad_col;
} Token;

#define LEX_MAX_BRACKETS 200
#define LEX_OUTRANKS 2
#define LEX_OUTRANKS_IF_EARLIER 1
#define LEX_MAX_INDENT 100

/* A warning CPython gives while it compiles the file (an invalid escape
 * sequence in a str or bytes literal), in source order: the run shows each
 * as a `warn` line before the program starts. Arena-allocated. */
typedef struct LexWarning {
    struct LexWarning *next;
    int line;
    const char *msg;
} LexWarning;
typedef struct LexWarnings {
    LexWarning *head, **tail;
} LexWarnings;

typedef struct Lexer {
    /* compile-time warnings: the file lexer's own list, shared with the
     * lexers of its f-string expressions (NULL: not kept) */
    LexWarnings *warns;
    /* scanning */
    const char *begin;      /* start of the scanned text */
    const char *p, *end;    /* next byte to read and the limit */
    int line, col;          /* position of p */
    Arena *arena;
    int fexpr;              /* lexing an f-string expression: no NEWLINE,
                               INDENT or DEDENT, ENDMARKER at the limit */
    /* tokens: t is current, ahead is valid when has_ahead */
    Token t, ahead;
    int has_ahead;
    /* indentation */
    int indent[LEX_MAX_INDENT + 1], altindent[LEX_MAX_INDENT + 1];
    int nindent;
    int pending;            /* >0: INDENTs to emit; <0: DEDENTs to emit */
    int at_bol;             /* at the beginning of a logical line */
    int line_has_token;     /* a token was produced since the last NEWLINE */
    int eof_done;           /* the final NEWLINE/DEDENTs were queued */
    /* open brackets */
    char brk[LEX_MAX_BRACKETS + 1];
    int brk_line[LEX_MAX_BRACKETS + 1], brk_col[LEX_MAX_BRACKETS + 1];
    int nbrk;
    /* the last '\n' seen, where end-of-file tokens are placed */
    int eol_line, eol_col;
    /* the first lexical error (sticky: every later token is T_ERROR) */
    int failed;
    LangError err;
    int err_rank;           /* how it ranks against a generic "invalid syntax"
                               found earlier by the parser (CPython's rules):
                               LEX_OUTRANKS, LEX_OUTRANKS_IF_EARLIER (an
                               unclosed bracket: only one opened on an
                               earlier line) or 0 (indentation, line
                               continuation and nesting errors) */
} Lexer;

/* Start lexing the whole of src. Strings are allocated in arena. The text
 * is validated first (strict UTF-8, no NUL bytes); a failure there shows up
 * as a T_ERROR first token. Call lex_next to read the first token. */
void lex_init(Lexer *lx, const Source *src, Arena *arena);

/* Start lexing text[0..n) as the expression part of an f-string: the text
 * begins at (line, col) of the enclosing source, newlines are insignificant
 * (as inside brackets) and the last token is T_ENDMARKER. text must already
 * be valid UTF-8 without NUL bytes (it is a slice of a lexed Source). */
void lex_init_fexpr(Lexer *lx, const char *text, size_t n, int line, int col,
                    Arena *arena);

/* Advance: lx->t becomes the next token. Returns lx->t.kind. On a lexical
 * error the kind is T_ERROR and lx->err says why (and stays so). */
TokKind lex_next(Lexer *lx);

/* The token after lx->t, without consuming it (filled into lx->ahead). */
TokKind lex_peek(Lexer *lx);

/* Move (*line, *col) from the position of from to the position of to
 * (to >= from, both in one text): newlines start a new line, and col
 * counts code points. The parser uses it to place f-string parts. */
void lex_advance_pos(const char *from, const char *to, int *line, int *col);

/* Printable form of a token kind: "NAME", "'('", "'if'", ... */
const char *lex_kind_name(TokKind k);

/* Decode the backslash escapes of a (non-raw) string body s[0..n) into out,
 * which must have room for n + 1 bytes (decoding never grows the text; out
 * gets a NUL after the result). Returns 1 and sets *out_len on success.
 * Otherwise writes the message into msg, sets *bad to the offending
 * backslash and returns 0 for an escape Python rejects too (truncated or
 * out of range, worded as CPython's) or -1 for one loopscope does not
 * support (\N{...}, surrogates). */
int lex_unescape(const char *s, size_t n, char *out, size_t *out_len,
                 const char **bad, char *msg, size_t msg_size, const char **invalid);
/* The escapes of a bytes literal's body s[0..n) into out (n + 1 bytes):
 * \x needs two hex digits, an octal escape keeps its low 8 bits, \u, \U
 * and \N are not escapes. Returns 1, or 0 with *bad at the faulty escape
 * and msg set (CPython's SyntaxError text).
 * Both set *invalid to the backslash of the first escape CPython warns
 * about (an unknown one such as \d, or an octal one past \377), else NULL. */
int lex_unescape_bytes(const char *s, size_t n, char *out, size_t *out_len,
                       const char **bad, char *msg, size_t msg_size, const char **invalid);
/* Add CPython's compile-time warning for the invalid escape at bs (from
 * *invalid above) on line `line` to lx's list (nothing when it keeps none). */
void lex_warn_escape(Lexer *lx, int line, const char *bs);

#endif
