/* parse.h: the recursive-descent parser for loopscope's Python subset.
 * Owns: the grammar (one function per production in parse.c), assignment
 * target checks, f-string bodies, nesting limits and the wording of syntax
 * errors. Leaves to lex.c the tokens and to the compiler every check that
 * needs scopes ("'return' outside function", "'await' outside async
 * function", duplicate parameter names). */
#ifndef LS_PARSE_H
#define LS_PARSE_H

#include "../../base/base.h"
#include "ast.h"
#include "../../base/source.h"

/* Deepest nesting of brackets, expressions and blocks the parser accepts.
 * Deeper input gets "too deeply nested (loopscope's limit is 200 levels)",
 * which keeps the parser, and every recursive walk of the tree, well
 * inside the C stack. */
#define PARSE_MAX_DEPTH 200

/* Parse src into an N_MODULE tree allocated in arena (freed with it).
 * Beyond ast.h: N_INT is negative only for -9223372036854775808, folded
 * here because 2**63 alone does not fit; N_IMPORTFROM's ival is always 0
 * (relative imports are refused); F_PAREN marks parenthesised expressions,
 * whose positions exclude the parentheses (the enclosing node's include
 * them, as in CPython).
 * Returns the root, or NULL with err filled with the first error: a 1-based
 * line and column (in code points) and a message without the
 * "file:line:col: error:" prefix, which source_print_error adds. */
Node *parse_module(const Source *src, Arena *arena, LangError *err);
/* The same, also giving the compile-time warnings CPython would print
 * (lex.h's LexWarning list, in the arena, source order). */
struct LexWarning;
Node *parse_module_warned(const Source *src, Arena *arena, LangError *err, const struct LexWarning **warnings);

#endif
