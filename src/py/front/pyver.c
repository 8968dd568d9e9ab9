/* pyver.c: the run's CPython version (see pyver.h). Owns parsing a version
 * and the `python` directive; nothing here knows what differs between
 * the versions. */
#include "pyver.h"

#include <stdio.h>
#include <string.h>

static int current = PYVER_DEFAULT;

int pyver_micro(int minor)
{
    switch (minor) {
    case 11: return 7;
    case 12: return 1;
    default: return 0;
    }
}

bool pyver_parse(const char *text, int *minor)
{
    int a = 0, b = 0, c = -1, n = 0;
    if (!text || strlen(text) > 12)
        return false;
    if (sscanf(text, "%d.%d%n", &a, &b, &n) != 2)
        return false;
    if (text[n] == '.') {
        int m = 0;
        if (sscanf(text + n + 1, "%d%n", &c, &m) != 1 || text[n + 1] < '0' || text[n + 1] > '9')
            return false;
        n += 1 + m;
    }
    if (text[n] || text[0] < '0' || text[0] > '9' || a != 3 || b < PYVER_MIN || b > PYVER_MAX)
        return false;
    if (c >= 0 && c != pyver_micro(b))
        return false;
    *minor = b;
    return true;
}

void pyver_set(int minor) { current = minor >= PYVER_MIN && minor <= PYVER_MAX ? minor : PYVER_DEFAULT; }

int pyver_minor(void) { return current; }

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int fail(LangError *err, int line, size_t col, const char *fmt, const char *word, size_t n)
{
    err->line = line;
    err->col = (int)col + 1;
    snprintf(err->msg, sizeof err->msg, fmt, (int)(n > 40 ? 40 : n), word);
    return -1;
}

int pyver_directive(const Source *src, LangError *err)
{
    static const char tag[] = "# loopscope:";
    int found = 0, found_line = 0;
    size_t len;
    const char *line;
    for (int ln = 1; (line = source_line(src, ln, &len)); ln++) {
        size_t i = 0;
        while (i < len && blank(line[i]))
            i++;
        if (len - i < sizeof tag - 1 || memcmp(line + i, tag, sizeof tag - 1) != 0)
            continue;
        i += sizeof tag - 1;
        while (i < len && blank(line[i]))
            i++;
        if (len - i < 6 || memcmp(line + i, "python", 6) != 0 || (len - i > 6 && !blank(line[i + 6])))
            continue;
        i += 6;
        while (i < len && blank(line[i]))
            i++;
        size_t a = i;
        while (i < len && !blank(line[i]))
            i++;
        size_t b = i;
        while (i < len && blank(line[i]))
            i++;
        char word[16];
        int minor = 0;
        if (a == b)
            return fail(err, ln, a, "a python directive needs a version: # loopscope: python 3.12%.*s", "", 0);
        if (i < len)
            return fail(err, ln, i, "unexpected '%.*s' after the version in a python directive", line + i, len - i);
        if (b - a >= sizeof word)
            return fail(err, ln, a, "'%.*s' is not a Python version loopscope follows (3.11, 3.12 or 3.13)",
                        line + a, b - a);
        memcpy(word, line + a, b - a);
        word[b - a] = 0;
        if (!pyver_parse(word, &minor))
            return fail(err, ln, a, "'%.*s' is not a Python version loopscope follows (3.11, 3.12 or 3.13)",
                        line + a, b - a);
        if (found && minor != found) {
            char prev[32];
            snprintf(prev, sizeof prev, "%d", found_line);
            return fail(err, ln, a, "a second python directive with another version (the first is on line %.*s)",
                        prev, strlen(prev));
        }
        found = minor;
        found_line = ln;
    }
    return found;
}
