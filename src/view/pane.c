/* pane.c: what the panes have in common (see pane.h): times as the panes
 * print them, the same in every locale. Each pane's drawing, its key
 * handler and its table are in its own pane_*.c. */
#include "pane.h"

#include <math.h>
#include <stdio.h>

void pane_format_time(double t, int dec, char *buf, size_t n)
{
    static const double scale[] = {1, 10, 100, 1000};
    if (dec < 0)
        dec = 0;
    if (dec > 3)
        dec = 3;
    bool neg = t < 0;
    if (neg)
        t = -t;
    if (!(t < 1e12)) /* also NaN */
        t = 1e12;
    double s = scale[dec];
    double v = floor(t * s);
    /* fma gives the sign of t*s - x exactly: fix a product rounded up to
     * an integer, then decide the rounding on the exact half */
    if (fma(t, s, -v) < 0)
        v -= 1;
    double h = fma(t, s, -(v + 0.5));
    if (h > 0 || (h == 0 && fmod(v, 2) != 0))
        v += 1;
    long long iv = (long long)v, is = (long long)s;
    const char *sign = neg && iv ? "-" : "";
    if (dec)
        snprintf(buf, n, "%s%lld.%0*lld", sign, iv / is, dec, iv % is);
    else
        snprintf(buf, n, "%s%lld", sign, iv);
}
