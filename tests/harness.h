/*
 * harness.h - a minimal test harness: CHECK macros that report file:line and
 * keep going, named cases, temp stores, fixtures written on the fly, and SQL
 * one-liners. A test file's main() returns harness_done() (0 pass, 1 fail,
 * 77 skip).
 *
 * Cases: main(argc, argv) calls harness_init(argc, argv), then RUN(fn, args...)
 * for each case that needs no real data and RUN_DATA(fn, args...) for each
 * that does (RUN cases first; a need_data() in main goes between the two).
 * The program then runs
 *   (no argument)  every case, in order;
 *   NAME...        only the cases named (the rest of main still runs up to
 *                  the first need_data(), then it stops);
 *   --quick        the RUN cases;   --data  the RUN_DATA cases.
 * CMakeLists.txt reads the RUN and RUN_DATA lines of each main and registers
 * each RUN case as the CTest test BINARY.CASE, labelled quick, and the
 * RUN_DATA cases together as the test BINARY.
 */
#ifndef HRR_HARNESS_H
#define HRR_HARNESS_H

#include "hrr.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int h_fail, h_checks;

/* The cases asked for on the command line (harness_init). */
static struct {
    int mode;             /* 0 every case, 1 the named ones, 2 --quick, 3 --data */
    int n, ran;           /* names asked for, named cases run */
    char **names;         /* the names */
    unsigned char seen[64]; /* seen[i]: names[i] has run */
} h_sel;

static inline void harness_init(int argc, char **argv)
{
    h_sel.names = argv + 1;
    h_sel.n = argc - 1 < 64 ? argc - 1 : 64;
    if (argc == 2 && !strcmp(argv[1], "--quick")) h_sel.mode = 2;
    else if (argc == 2 && !strcmp(argv[1], "--data")) h_sel.mode = 3;
    else if (argc > 1) h_sel.mode = 1;
}

/* Whether the case NAME (a RUN_DATA case when DATA) is to run now. */
static inline int h_want(const char *name, int data)
{
    switch (h_sel.mode) {
    case 0: return 1;
    case 2: return !data;
    case 3: return data;
    default:
        for (int i = 0; i < h_sel.n; i++)
            if (!strcmp(h_sel.names[i], name)) {
                if (!h_sel.seen[i]) h_sel.ran++;
                h_sel.seen[i] = 1;
                return 1;
            }
        return 0;
    }
}

/* Whether every case asked for has run (nothing is left for the data part). */
static inline int h_all_ran(void)
{
    return h_sel.mode == 2 || (h_sel.mode == 1 && h_sel.ran == h_sel.n);
}

static inline void h_check_data(void);

static int h_in_case; /* inside a RUN or RUN_DATA case */

#define RUN(fn, ...)                              \
    do {                                          \
        if (h_want(#fn, 0)) {                     \
            h_in_case = 1;                        \
            fn(__VA_ARGS__);                      \
            h_in_case = 0;                        \
        }                                         \
    } while (0)

#define RUN_DATA(fn, ...)                         \
    do {                                          \
        if (h_want(#fn, 1)) {                     \
            h_check_data();                       \
            h_in_case = 1;                        \
            fn(__VA_ARGS__);                      \
            h_in_case = 0;                        \
        }                                         \
    } while (0)

#define CHECK(cond)                                                         \
    do {                                                                    \
        h_checks++;                                                         \
        if (!(cond)) {                                                      \
            h_fail++;                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                 \
        }                                                                   \
    } while (0)

#define CHECK_EQ_LONG(a, b)                                                 \
    do {                                                                    \
        long _a = (long)(a), _b = (long)(b);                                \
        h_checks++;                                                         \
        if (_a != _b) {                                                     \
            h_fail++;                                                       \
            fprintf(stderr, "%s:%d: %s == %ld, expected %ld\n", __FILE__,   \
                    __LINE__, #a, _a, _b);                                  \
        }                                                                   \
    } while (0)

#define CHECK_STR(a, b)                                                     \
    do {                                                                    \
        const char *_a = (a), *_b = (b);                                    \
        h_checks++;                                                         \
        if (!_a || strcmp(_a, _b) != 0) {                                   \
            h_fail++;                                                       \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n",       \
                    __FILE__, __LINE__, #a, _a ? _a : "(null)", _b);        \
        }                                                                   \
    } while (0)

/* CHECK that string HAY contains NEEDLE. */
#define CHECK_HAS(hay, needle)                                              \
    do {                                                                    \
        const char *_h = (hay), *_n = (needle);                             \
        h_checks++;                                                         \
        if (!_h || !strstr(_h, _n)) {                                       \
            h_fail++;                                                       \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n",      \
                    __FILE__, __LINE__, _h ? _h : "(null)", _n);            \
        }                                                                   \
    } while (0)

static inline int harness_done(void)
{
    for (int i = 0; h_sel.mode == 1 && i < h_sel.n; i++)
        if (!h_sel.seen[i]) {
            fprintf(stderr, "no case named %s\n", h_sel.names[i]);
            h_fail++;
        }
    fprintf(stderr, "%d checks, %d failed\n", h_checks, h_fail);
    return h_fail ? 1 : 0;
}

/* Skip the whole test (exit 77) when the shared data is absent. */
static inline void h_check_data(void)
{
    if (access(HRR_DATA_DIR "/README.md", R_OK) != 0) {
        fprintf(stderr, "skip: no shared data at %s\n", HRR_DATA_DIR);
        exit(77);
    }
}

/* In main, between the cases that need no real data and those that do:
 * skips the test when the data is absent; when only some cases were asked
 * for and all of them have run, stops here instead (what follows needs
 * the data). Inside a case it only skips. */
static inline void need_data(void)
{
    if (!h_in_case && h_all_ran()) exit(harness_done());
    h_check_data();
}

static inline void rm_store(const char *p)
{
    char b[300];
    const char *fx = getenv("HRR_FIXTURE_DB");
    if (fx && !strcmp(p, fx)) return; /* the shared store (data_store) stays */
    unlink(p);
    snprintf(b, sizeof b, "%s-wal", p);
    unlink(b);
    snprintf(b, sizeof b, "%s-shm", p);
    unlink(b);
}

/* Every temp store path handed out, removed at exit (a test that stops
 * early, at need_data(), leaves none behind). */
static char h_stores[32][256];
static int h_nstores;

static inline void h_rm_stores(void)
{
    for (int i = 0; i < h_nstores; i++) rm_store(h_stores[i]);
}

/* A fresh temporary store path (the file does not exist yet). */
static inline char *tmp_store(char buf[256])
{
    snprintf(buf, 256, "/tmp/hrr-test-%d-XXXXXX", (int)getpid());
    int fd = mkstemp(buf);
    if (fd >= 0) close(fd);
    unlink(buf);
    if (h_nstores < 32) {
        if (h_nstores == 0) atexit(h_rm_stores);
        snprintf(h_stores[h_nstores++], 256, "%s", buf);
    }
    return buf;
}

/* Open a new store at PATH or abort the test. */
static inline hrr_store_t *open_store(const char *path)
{
    hrr_store_t *st = NULL;
    if (hrr_store_open(path, HRR_OPEN_CREATE, &st) != HRR_OK) {
        fprintf(stderr, "cannot open store %s: %s\n", path, hrr_store_errmsg(st));
        exit(1);
    }
    return st;
}

/* The shared store: all of the shared data imported once per test run, by
 * the CTest fixture (the test "fixture", which hands its path over in
 * HRR_FIXTURE_DB); without it (a binary run by hand) the data is imported
 * into a temp store at PATH here. Opened read-only (a temp store: as is). */
static inline hrr_store_t *data_store(char path[256])
{
    const char *fx = getenv("HRR_FIXTURE_DB");
    hrr_store_t *st = NULL;
    h_check_data();
    if (fx && *fx) {
        snprintf(path, 256, "%s", fx);
        if (hrr_store_open(path, HRR_OPEN_READONLY, &st) != HRR_OK) {
            fprintf(stderr, "cannot open the shared store %s: %s\n", path,
                    hrr_store_errmsg(st));
            exit(1);
        }
        return st;
    }
    st = open_store(tmp_store(path));
    if (hrr_import(st, HRR_DATA_DIR, NULL, NULL) != HRR_OK) {
        fprintf(stderr, "cannot import %s: %s\n", HRR_DATA_DIR, hrr_store_errmsg(st));
        exit(1);
    }
    return st;
}

/* A writable copy of the shared store, at a fresh temp path in PATH (for a
 * test that writes: a file copy instead of an import). */
static inline hrr_store_t *data_store_copy(char path[256])
{
    const char *fx = getenv("HRR_FIXTURE_DB");
    if (!fx || !*fx) return data_store(path); /* a temp store already */
    h_check_data();
    tmp_store(path);
    FILE *in = fopen(fx, "rb"), *out = in ? fopen(path, "wb") : NULL;
    char buf[1 << 16];
    size_t n;
    int ok = in && out;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
    if (in && ferror(in)) ok = 0;
    if (in) fclose(in);
    if (out && fclose(out) != 0) ok = 0;
    if (!ok) {
        fprintf(stderr, "cannot copy the shared store %s to %s\n", fx, path);
        exit(1);
    }
    return open_store(path);
}

/* Run SQL (several statements) on ST; an error is a failed check. */
static inline void sql_exec(hrr_store_t *st, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(hrr_store_sqlite(st), sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, err);
        h_fail++;
    }
    sqlite3_free(err);
}

/* The first column of the first row of SQL as a long (-1 on error). */
static inline long sql_long(hrr_store_t *st, const char *sql)
{
    sqlite3_stmt *s;
    long v = -1;
    if (sqlite3_prepare_v2(hrr_store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "SQL error: %s: %s\n", sql, sqlite3_errmsg(hrr_store_sqlite(st)));
        return -1;
    }
    if (sqlite3_step(s) == SQLITE_ROW) v = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The first column of the first row of SQL as text, into BUF. */
static inline const char *sql_text(hrr_store_t *st, const char *sql, char *buf, size_t n)
{
    sqlite3_stmt *s;
    buf[0] = 0;
    if (sqlite3_prepare_v2(hrr_store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK) return buf;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return buf;
}

/* Write CONTENT to a temp file named NAME (its base name matters to format
 * detection) in a fresh folder; returns the path in BUF. */
static inline const char *fixture(char buf[256], const char *name, const char *content)
{
    char dir[128];
    snprintf(dir, sizeof dir, "/tmp/hrr-fx-%d-XXXXXX", (int)getpid());
    if (!mkdtemp(dir)) return NULL;
    snprintf(buf, 256, "%s/%s", dir, name);
    FILE *f = fopen(buf, "wb");
    if (!f) return NULL;
    fputs(content, f);
    fclose(f);
    return buf;
}

/* Write N bytes to /tmp/hrr-fuzz-PID/NAME (the same path on every call, for
 * fuzz targets); returns the path in BUF. */
static inline const char *fuzz_file(char buf[256], const char *name,
                                    const void *data, size_t n)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/hrr-fuzz-%d", (int)getpid());
    mkdir(dir, 0700);
    snprintf(buf, 256, "%s/%s", dir, name);
    FILE *f = fopen(buf, "wb");
    if (!f) return NULL;
    fwrite(data, 1, n, f);
    fclose(f);
    return buf;
}

/* For a fuzz target: import DATA, written to a file named NAME, with OPTS,
 * into one store kept for the whole fuzzing run. */
static inline void fuzz_import(const unsigned char *data, size_t size, const char *name,
                               const hrr_import_opts_t *opts)
{
    static hrr_store_t *st;
    static char path[256];
    char fx[256];
    if (!st) st = open_store(tmp_store(path));
    if (fuzz_file(fx, name, data, size)) hrr_import(st, fx, opts, NULL);
}

/* A fingerprint of every table's row count, to prove a store unchanged. */
static inline long store_fingerprint(hrr_store_t *st)
{
    static const char *const tables[] = {"states", "state_aliases", "imports", "bodies",
        "sessions", "memberships", "items", "item_refs", "item_issues", "ballots", "instruments",
        "ratifications", "upr_recommendations", "regime_scores", "findings"};
    unsigned long fp = 0; /* wraps by design: a hash, not a count */
    char sql[128];
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
        fp = fp * 1000003u + (unsigned long)sql_long(st, sql);
    }
    return (long)(fp >> 1);
}

#endif
