/* esc.c: the one escaping of scenario text for terminals (see esc.h). */
#include "esc.h"

#include <stdlib.h>
#include <unistd.h>

bool esc_hidden(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
        return true;
    if (cp < 0x61c)
        return false;
    return cp == 0x061c || cp == 0x180e || cp == 0x200b || cp == 0x200e || cp == 0x200f ||
           (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0x2066 && cp <= 0x206f) || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb);
}

void esc_put(Buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\t') {
            buf_putc(b, (char)c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 1 && cp == UTF8_BAD) /* a byte that is not UTF-8 */
            buf_printf(b, "\\x%02x", c);
        else if (cp <= 0x9f && esc_hidden(cp))
            buf_printf(b, "\\x%02x", (unsigned)cp);
        else if (esc_hidden(cp))
            buf_printf(b, "\\u%04x", (unsigned)cp);
        else
            buf_putn(b, s + i, len);
        i += len;
    }
}

void esc_write(FILE *out, const char *s, size_t n)
{
    if (!isatty(fileno(out))) {
        fwrite(s, 1, n, out);
        return;
    }
    Buf b;
    buf_init(&b);
    esc_put(&b, s, n);
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}

FILE *esc_open(EscStream *e)
{
    e->text = NULL;
    e->size = 0;
    e->f = open_memstream(&e->text, &e->size);
    if (!e->f)
        die("out of memory");
    return e->f;
}

void esc_close(EscStream *e, FILE *out)
{
    fclose(e->f);
    esc_write(out, e->text, e->size);
    free(e->text); /* open_memstream's, from libc */
    e->f = NULL;
    e->text = NULL;
}
