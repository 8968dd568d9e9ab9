# loopscope: build, test and install.
#   make run      install missing Debian packages, build, open the default scenario
#   make test     install missing packages, build, run every test
#   make install  PREFIX=/usr/local DESTDIR=
#   make sanitize ASan+UBSan build in build-san/, the whole test suite against it
#   make valgrind memcheck on every scenario and bad-input file
#   make lint     cppcheck and clang-tidy (.clang-tidy) over src/
# The core (src/base, src/py, src/record) and the renderer (src/view,
# src/out) build without curses or libev; only src/tui includes them.

PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
# Link-time optimisation when the compiler is GCC (issue 16: the recording's
# hot path crosses record/, py/loop/ and py/vm/, 5-10% of `trace`'s CPU);
# its archives then go through gcc-ar. The sanitizer and fuzz builds set
# OPT and CC themselves and get neither.
LTO      := $(if $(shell $(CC) --version 2>/dev/null | grep -q 'Free Software Foundation' && command -v gcc-ar),-flto=auto)
ARCHIVE  := $(if $(LTO),gcc-ar,ar)
OPT      ?= -O2 -g $(LTO)
VERSION  := 0.1.0
STD      := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror=implicit-function-declaration
XWARN    ?=
CFLAGS   += $(OPT) $(STD) $(WARN) $(XWARN) -MMD -MP -DLOOPSCOPE_VERSION='"$(VERSION)"'
LDLIBS   += -lm -pthread

CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)
CURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE=%,$(shell pkg-config --cflags ncursesw 2>/dev/null))
CURSES_LIBS   := $(or $(shell pkg-config --libs ncursesw 2>/dev/null),-lncursesw)
EV_LIBS       := -lev

B   := build
EXE := loopscope
CORE_SRC := $(wildcard src/base/*.c src/py/*/*.c src/js/*/*.c src/record/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o) $(B)/gen/prelude.o $(B)/gen/lib.o
LIB_PY   := $(sort $(wildcard src/py/lib/*.py))
# src/out/gif.c is the one export that needs GUI libraries (librsvg, cairo,
# giflib): it and share.c, which calls it, link into the loopscope binary
# only, never the core, the renderer library or the Check runner. librsvg
# and cairo are not linked even there: gui.c loads them at the first GIF
# (about 10 MB of resident memory every run would pay otherwise).
GUI_SRC  := src/out/gif.c src/out/gui.c src/out/share.c
GUI_OBJ  := $(GUI_SRC:%.c=$(B)/%.o)
GUI_CFLAGS := $(shell pkg-config --cflags librsvg-2.0 cairo 2>/dev/null)
GUI_LIBS   := -lgif -ldl
VIEW_SRC := $(filter-out $(GUI_SRC),$(wildcard src/view/*.c src/out/*.c))
VIEW_OBJ := $(VIEW_SRC:%.c=$(B)/%.o) $(B)/gen/player.o
# The web player loopscope html puts in its pages (vendor/asciinema-player).
PLAYER_DIR   := vendor/asciinema-player
PLAYER_FILES := $(PLAYER_DIR)/asciinema-player.min.js $(PLAYER_DIR)/asciinema-player.css \
                $(PLAYER_DIR)/LICENSE $(PLAYER_DIR)/VERSION
TUI_SRC  := $(wildcard src/tui/*.c)
TUI_OBJ  := $(TUI_SRC:%.c=$(B)/%.o)
APP_SRC  := src/main.c
APP_OBJ  := $(APP_SRC:%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/check_*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/%.o)
DEFAULT_SCENARIO := scenarios/gather.py

.PHONY: all deps run test unit cases bench install uninstall clean sanitize valgrind lint

all: loopscope

deps:
	@bash scripts/deps.sh

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(if $(findstring tests/,$<),$(CHECK_CFLAGS)) -c $< -o $@

# Only the terminal backend sees curses (and needs X/Open wide-character calls).
$(B)/src/tui/%.o: src/tui/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED $(CURSES_CFLAGS) -c $< -o $@

# The asyncio library written in the scenario language, embedded as a C string.
$(B)/gen/prelude.c: src/py/loop/prelude.py scripts/embed.sh
	@mkdir -p $(dir $@)
	bash scripts/embed.sh $< prelude_py > $@

$(B)/gen/prelude.o: $(B)/gen/prelude.c
	$(CC) $(OPT) $(STD) -c $< -o $@

# The standard-library modules written in the scenario language (src/py/lib).
$(B)/gen/lib.c: $(LIB_PY) scripts/embed_lib.sh
	@mkdir -p $(dir $@)
	bash scripts/embed_lib.sh $(LIB_PY) > $@

$(B)/gen/lib.o: $(B)/gen/lib.c
	$(CC) $(OPT) $(STD) -c $< -o $@

# The vendored player is committed; only a tree without it fetches it (npm).
$(PLAYER_FILES) &:
	bash scripts/vendor_player.sh

$(B)/gen/player.c: $(PLAYER_FILES) scripts/embed_bin.sh
	@mkdir -p $(dir $@)
	bash scripts/embed_bin.sh player_js $(PLAYER_DIR)/asciinema-player.min.js \
	    player_css $(PLAYER_DIR)/asciinema-player.css player_license $(PLAYER_DIR)/LICENSE \
	    player_version $(PLAYER_DIR)/VERSION > $@

$(B)/gen/player.o: $(B)/gen/player.c
	$(CC) $(OPT) $(STD) -c $< -o $@

$(B)/src/out/gif.o $(B)/src/out/gui.o: $(B)/src/out/%.o: src/out/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(GUI_CFLAGS) -c $< -o $@

$(B)/libcore.a: $(CORE_OBJ)
	@rm -f $@
	$(ARCHIVE) rcs $@ $^

$(B)/libview.a: $(VIEW_OBJ)
	@rm -f $@
	$(ARCHIVE) rcs $@ $^

$(EXE): $(APP_OBJ) $(TUI_OBJ) $(GUI_OBJ) $(B)/libview.a $(B)/libcore.a
	$(CC) $(OPT) -o $@ $(APP_OBJ) $(TUI_OBJ) $(GUI_OBJ) $(B)/libview.a $(B)/libcore.a $(CURSES_LIBS) $(EV_LIBS) $(GUI_LIBS) $(LDLIBS)

$(B)/check_runner: $(TEST_OBJ) $(B)/libview.a $(B)/libcore.a
	$(CC) $(OPT) -o $@ $(TEST_OBJ) $(B)/libview.a $(B)/libcore.a $(CHECK_LIBS) $(LDLIBS)

run: deps loopscope
	./loopscope $(DEFAULT_SCENARIO)

unit: $(B)/check_runner
	$(B)/check_runner

cases: loopscope
	bash tests/run_cases.sh
	bash tests/run_cases_js.sh

# The README's pictures: the shipped scenarios at their teaching moments as
# SVG (dark, and one light), one asciicast recording and one animated SVG. Deterministic, so
# re-running on an unchanged build leaves git clean.
.PHONY: screenshots
screenshots: loopscope
	@mkdir -p screenshots
	./loopscope frame scenarios/gather.py --at 0.5 --svg screenshots/gather.svg --force
	./loopscope frame scenarios/gather.py --at 0.5 --theme light --svg screenshots/gather-light.svg --force
	./loopscope frame scenarios/blocking_sleep.py --at 2 --svg screenshots/blocking_sleep.svg --force
	./loopscope frame scenarios/never_awaited.py --step 5 --svg screenshots/never_awaited.svg --force
	./loopscope frame scenarios/fire_and_forget.py --at 1.5 --svg screenshots/fire_and_forget.svg --force
	./loopscope frame scenarios/dashboard.py --at 99 --size 120x36 --svg screenshots/dashboard.svg --force
	./loopscope record scenarios/gather.py -o screenshots/gather.cast --force
	./loopscope record scenarios/gather.py -o screenshots/gather-anim.svg --force

# Fuzzing (clang + libFuzzer, not part of make test): the core and the
# renderer rebuilt with ASan/UBSan and fuzzer coverage in build-fuzz/, so the
# normal build is untouched. `make fuzz` builds build-fuzz/fuzz_run and
# build-fuzz/fuzz_render and the seed corpus; `make fuzz-smoke` runs each
# for FUZZ_SECONDS (default 30); `make fuzz-long` runs each for
# FUZZ_LONG_SECONDS (default 900). New corpus entries go to
# build-fuzz/corpus/TARGET, crashes to build-fuzz/artifacts/.
FUZZ_B        := build-fuzz
FUZZ_CC       ?= clang
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -DLOOPSCOPE_NO_POOL
FUZZ_SECONDS  ?= 30
FUZZ_LONG_SECONDS ?= 900
FUZZ_TARGETS  := fuzz_run fuzz_render
FUZZ_FLAGS    = -max_len=4096 -timeout=10 -rss_limit_mb=1024 -dict=fuzz/python.dict \
                -artifact_prefix=$(FUZZ_B)/artifacts/$(1)- -print_final_stats=1
.PHONY: fuzz fuzz-bins fuzz-smoke fuzz-long

fuzz:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
	    OPT="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" fuzz-bins

fuzz-bins: $(FUZZ_TARGETS:%=$(B)/%) $(B)/seed/.stamp

$(B)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(B)/libview.a $(B)/libcore.a
	$(CC) $(OPT) $(STD) $(WARN) -fsanitize=fuzzer -o $@ $< $(B)/libview.a $(B)/libcore.a $(LDLIBS)

# The seed corpus: the shipped scenarios, the trace cases, the load errors
# and fuzz/seeds/ (scenario code that changes a container from inside the
# callbacks C code makes while walking it: issue 17's attack class).
$(B)/seed/.stamp: $(wildcard scenarios/*.py tests/cases/*.py tests/errors/*.py fuzz/seeds/*.py)
	@rm -rf $(B)/seed && mkdir -p $(B)/seed
	@# named after their path: tests/cases/x.py and tests/errors/x.py may share a name
	@for f in $^; do cp "$$f" "$(B)/seed/$$(echo "$$f" | tr / _)"; done
	@touch $@

# One short run per target from the shipped scenarios and fuzz/seeds/ only
# (the full seed set takes minutes just to load under ASan), into a fresh
# corpus; a crash, leak or timeout stops it and fails the rule.
fuzz-smoke: fuzz
	@mkdir -p $(FUZZ_B)/artifacts
	@for t in $(FUZZ_TARGETS); do rm -rf $(FUZZ_B)/smoke/$$t; mkdir -p $(FUZZ_B)/smoke/$$t; \
	    echo "fuzz-smoke: $$t for $(FUZZ_SECONDS)s"; \
	    $(FUZZ_B)/$$t $(call FUZZ_FLAGS,$$t) -max_total_time=$(FUZZ_SECONDS) \
	        $(FUZZ_B)/smoke/$$t scenarios fuzz/seeds || exit 1; done

fuzz-long: fuzz
	@mkdir -p $(FUZZ_B)/artifacts
	@for t in $(FUZZ_TARGETS); do mkdir -p $(FUZZ_B)/corpus/$$t; \
	    $(FUZZ_B)/$$t $(call FUZZ_FLAGS,$$t) -max_total_time=$(FUZZ_LONG_SECONDS) \
	        $(FUZZ_B)/corpus/$$t $(FUZZ_B)/seed || exit 1; done

# Benchmarks, not part of make test: bench/bench.sh prints a short table.
bench: loopscope bench/bench_rec bench/bench_frame bench/bench_size bench/bench_inside
	bash bench/bench_targets.sh
	bash bench/bench_vm.sh
	bash bench/bench_js.sh
	bash bench/bench.sh
	bench/bench_frame
	bash bench/bench_tui.sh
	bash bench/bench_longrun.sh

bench/bench_rec: bench/bench_rec.c $(B)/libcore.a
	$(CC) $(OPT) $(STD) $(WARN) -o $@ bench/bench_rec.c $(B)/libcore.a $(LDLIBS)

bench/bench_size: bench/bench_size.c $(B)/libcore.a
	$(CC) $(OPT) $(STD) $(WARN) -o $@ bench/bench_size.c $(B)/libcore.a $(LDLIBS)

bench/bench_inside: bench/bench_inside.c $(B)/libcore.a
	$(CC) $(OPT) $(STD) $(WARN) -o $@ bench/bench_inside.c $(B)/libcore.a $(LDLIBS)

bench/bench_frame: bench/bench_frame.c $(B)/libview.a $(B)/libcore.a
	$(CC) $(OPT) $(STD) $(WARN) -o $@ bench/bench_frame.c $(B)/libview.a $(B)/libcore.a $(LDLIBS)

test: deps
	@$(MAKE) --no-print-directory loopscope $(B)/check_runner
	$(B)/check_runner
	bash tests/run_cases.sh
	bash tests/run_realworld.sh
	bash tests/run_cases_js.sh
	bash tests/run_errors.sh
	bash tests/run_bad.sh
	bash tests/run_frames.sh
	bash tests/run_tui.sh
	bash tests/run_term.sh
	bash tests/run_exports.sh
	bash tests/run_share.sh

# ---- Sanitizers: the whole build (loopscope and the Check runner) with
# AddressSanitizer + UndefinedBehaviorSanitizer in $(SAN_B)/, then the whole
# test suite against it. Reports go to files under $(SAN_B)/reports/ (so they
# neither change a test's stderr nor get lost in a passing script's output);
# any file there fails the target, leaks included (detect_leaks=1), except
# the third-party caches tests/lsan.supp names.
# handle_segv/abort/sigbus/sigfpe=0: the tmux suites send those signals on
# purpose to check the terminal is restored; a real fault still fails its test.
SAN_B     := build-san
# clang, not gcc: gcc's combined ASan+UBSan runtime ignores UBSAN_OPTIONS
# log_path and prints UBSan reports to stderr, where the tests' own stderr
# checks would swallow them. -Wno-string-concatenation: tests/check_grid.c
# splits "a\xe4\xb8\xad" "b" on purpose, to end a hex escape.
SAN_CC    ?= clang
# pools (src/base/pool.c) become plain malloc/free there, so ASan sees every block
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DLOOPSCOPE_NO_POOL
SAN_WARN  := $(if $(findstring clang,$(SAN_CC)),-Wno-string-concatenation)
SAN_REP   := $(CURDIR)/$(SAN_B)/reports
SAN_ENV   := ASAN_OPTIONS=handle_segv=0:handle_abort=0:handle_sigbus=0:handle_sigfpe=0:detect_leaks=1:abort_on_error=0:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$(SAN_REP)/asan \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86:log_path=$(SAN_REP)/ubsan \
             LSAN_OPTIONS=exitcode=86:print_suppressions=0:suppressions=$(CURDIR)/tests/lsan.supp \
             CK_DEFAULT_TIMEOUT=60 BAD_TIMEOUT=240 BAD_NO_RSS=1
SAN_MAKE  := $(MAKE) --no-print-directory B=$(SAN_B) EXE=$(SAN_B)/loopscope CC=$(SAN_CC) OPT='-O1 -g $(SAN_FLAGS)' XWARN='$(SAN_WARN)'
SAN_TESTS := tests/run_cases.sh tests/run_realworld.sh tests/run_cases_js.sh tests/run_errors.sh tests/run_bad.sh tests/run_frames.sh tests/run_tui.sh \
             tests/run_term.sh tests/run_exports.sh tests/run_share.sh

.PHONY: sanitize sanitize-build
sanitize-build:
	+@$(SAN_MAKE) $(SAN_B)/loopscope $(SAN_B)/check_runner

sanitize: sanitize-build
	@rm -rf $(SAN_REP) && mkdir -p $(SAN_REP)
	@st=0; \
	$(SAN_ENV) $(SAN_B)/check_runner || st=1; \
	for t in $(SAN_TESTS); do \
	    $(SAN_ENV) LOOPSCOPE=$(SAN_B)/loopscope bash $$t || st=1; \
	done; \
	if ls $(SAN_REP)/* >/dev/null 2>&1; then \
	    echo "sanitize: sanitizer reports:" >&2; \
	    for r in $(SAN_REP)/*; do echo "--- $$r" >&2; head -n 60 "$$r" >&2; done; \
	    st=1; \
	fi; \
	if [ $$st = 0 ]; then echo "sanitize: all tests passed, no sanitizer reports"; \
	else echo "sanitize: FAILED" >&2; fi; \
	exit $$st

# ---- valgrind memcheck on every shipped scenario (trace and frame) and every
# bad-input file (tests/bad, tests/errors, tests/cases): no error, no leak.
.PHONY: valgrind
valgrind: loopscope
	JOBS=2 bash scripts/valgrind.sh

# ---- static analysis over src/: cppcheck, then clang-tidy with .clang-tidy.
LINT_DEFS := -D_POSIX_C_SOURCE=200809L -DLOOPSCOPE_VERSION=\"$(VERSION)\"
.PHONY: lint
lint: $(B)/gen/prelude.c
	cppcheck --enable=warning,performance,portability --error-exitcode=1 --inline-suppr \
	    --std=c11 --quiet -j2 $(LINT_DEFS) -Isrc --suppress=missingIncludeSystem \
	    src/base src/py src/record src/view src/out src/tui src/main.c
	printf '%s\n' $(sort $(wildcard src/*/*.c src/*/*/*.c)) src/main.c | xargs -P2 -n4 sh -c \
	    'clang-tidy --quiet "$$@" -- $(STD) $(LINT_DEFS) -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED $(CURSES_CFLAGS) $(GUI_CFLAGS) -Isrc' _

install: loopscope
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/loopscope/scenarios
	install -m 755 loopscope $(DESTDIR)$(PREFIX)/bin/loopscope
	install -m 644 scenarios/*.py $(DESTDIR)$(PREFIX)/share/loopscope/scenarios/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 man/loopscope.1 $(DESTDIR)$(PREFIX)/share/man/man1/loopscope.1
	install -m 644 completion/loopscope.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/loopscope

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/loopscope
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/loopscope.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/loopscope
	rm -rf $(DESTDIR)$(PREFIX)/share/loopscope

clean:
	rm -rf $(B) $(FUZZ_B) $(SAN_B) loopscope bench/bench_rec bench/bench_frame bench/bench_size bench/bench_inside

-include $(shell find $(B) -name '*.d' 2>/dev/null)
