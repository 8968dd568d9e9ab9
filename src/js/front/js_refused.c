/* refused.c: the globals a scenario may not use, and why.
 * Owns the table of refused names (network, DOM, eval, workers) and of
 * the built-ins loopscope does not have yet, each with the located
 * message the compiler gives. Leaves refusing syntax (import, require,
 * top-level await) to parse.c. */
#include "refused.h"

#include <string.h>

static const char *const refused[][2] = {
    {"fetch", "fetch is refused: loopscope simulates no network (write the delay with setTimeout)"},
    {"MessageChannel", "MessageChannel is refused: its port messages are not simulated"},
    {"BroadcastChannel", "BroadcastChannel is refused: its messages are not simulated"},
    {"document", "the DOM is refused: loopscope runs Node scenarios, not pages"},
    {"window", "the DOM is refused: loopscope runs Node scenarios, not pages"},
    {"XMLHttpRequest", "XMLHttpRequest is refused: loopscope simulates no network"},
    {"requestAnimationFrame", "requestAnimationFrame is refused: loopscope runs Node scenarios, not pages"},
    {"localStorage", "localStorage is refused: loopscope runs Node scenarios, not pages"},
    {"alert", "alert is refused: loopscope runs Node scenarios, not pages"},
    {"eval", "eval is refused in loopscope's JavaScript"},
    {"Function", "the Function constructor is refused in loopscope's JavaScript"},
    {"WebSocket", "WebSocket is refused: loopscope simulates no network"},
    {"Worker", "Worker threads are refused in loopscope's JavaScript"},
    {"Proxy", "Proxy is not supported yet in loopscope's JavaScript"},
    {"Reflect", "Reflect is not supported yet in loopscope's JavaScript"},
    {"WeakMap", "WeakMap is not supported yet in loopscope's JavaScript"},
    {"WeakRef", "WeakRef is not supported yet in loopscope's JavaScript"},
};

const char *js_refused_global(const char *name)
{
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        if (!strcmp(name, refused[i][0]))
            return refused[i][1];
    return NULL;
}
