# fuzz_render: a run with no steps (no asyncio.run) crashed
# `loopscope frame FILE --at 1` (NULL step; SIGSEGV) and drew the tasks
# pane with pointer arithmetic on a NULL index (UBSan).
x = 1
