# hrr: `make` builds build/hrr and the library; `make test` runs the whole
# suite (the normal gcc build, then the address+undefined sanitizer build
# with clang, so both compilers build it warning-free); `make test-quick`
# runs the tests labelled quick (no shared data, seconds each);
# `make fuzz` builds the libFuzzer targets into build-fuzz/ (clang);
# `make install [PREFIX=/usr/local] [DESTDIR=...]` installs hrr, libhrr,
# the headers, hrr.pc and the man pages (CMakeLists.txt's install rules).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CC ?= cc
PREFIX ?= /usr/local

.PHONY: all test test-quick test-asan fuzz bench clean install

all:
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build build -j $(JOBS)

test: all
	cd build && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan

test-quick: all
	cd build && ctest --output-on-failure -j $(JOBS) -L quick

test-asan:
	CC=clang cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHRR_SANITIZE=ON >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

fuzz:
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DHRR_FUZZ=ON -DHRR_SANITIZE=ON >/dev/null
	cmake --build build-fuzz -j $(JOBS)

install: all
	DESTDIR="$(DESTDIR)" cmake --install build --prefix "$(PREFIX)"

bench: all
	bench/import

clean:
	rm -rf build build-asan build-fuzz
