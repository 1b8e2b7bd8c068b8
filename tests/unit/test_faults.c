/*
 * test_faults.c - the store under failing storage: a small SQLite test VFS
 * (a shim over the default one) makes the n-th write short (a part written,
 * then SQLITE_IOERR_WRITE), or fail with ENOSPC (SQLITE_FULL) or EIO
 * (SQLITE_IOERR_WRITE, or on fsync SQLITE_IOERR_FSYNC), for every n an
 * import reaches. Each failure is an error with a message, and the store,
 * reopened on good storage, passes PRAGMA integrity_check and is exactly as
 * it was before (or, when the failure came after the commit, as after).
 * And the limits: a 100 MB line or a 100 MB field is refused within
 * seconds, with a peak RSS under 200 MB (getrusage).
 */
#include "harness.h"
#include "core/core.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

/* ------------------------------------------------------------ the VFS */

enum { F_NONE, F_SHORT, F_NOSPC, F_EIO, F_FSYNC };

static sqlite3_vfs *g_real;      /* the default VFS */
static sqlite3_vfs g_vfs;        /* the shim */
static int g_kind = F_NONE;      /* the fault to inject */
static long g_countdown = -1;    /* writes (or syncs) before it; -1: never */
static long g_hits;              /* faults injected */

typedef struct ffile {
    sqlite3_file base;           /* methods: g_io */
    sqlite3_file *real;          /* the real file, right after this struct */
} ffile_t;

static sqlite3_io_methods g_io;

static bool fire(void)
{
    if (g_countdown < 0) return false;
    if (g_countdown-- > 0) return false;
    g_hits++;
    return true;
}

static int f_close(sqlite3_file *f)
{
    ffile_t *p = (ffile_t *)f;
    return p->real->pMethods ? p->real->pMethods->xClose(p->real) : SQLITE_OK;
}
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    ffile_t *p = (ffile_t *)f;
    return p->real->pMethods->xRead(p->real, b, n, o);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    ffile_t *p = (ffile_t *)f;
    if (g_kind != F_FSYNC && fire()) {
        if (g_kind == F_NOSPC) return SQLITE_FULL;
        if (g_kind == F_SHORT && n > 1) p->real->pMethods->xWrite(p->real, b, n / 2, o);
        return SQLITE_IOERR_WRITE;
    }
    return p->real->pMethods->xWrite(p->real, b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 n)
{
    ffile_t *p = (ffile_t *)f;
    return p->real->pMethods->xTruncate(p->real, n);
}
static int f_sync(sqlite3_file *f, int flags)
{
    ffile_t *p = (ffile_t *)f;
    if (g_kind == F_FSYNC && fire()) return SQLITE_IOERR_FSYNC;
    return p->real->pMethods->xSync(p->real, flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *n)
{
    ffile_t *p = (ffile_t *)f;
    return p->real->pMethods->xFileSize(p->real, n);
}
static int f_lock(sqlite3_file *f, int l) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xLock(p->real, l); }
static int f_unlock(sqlite3_file *f, int l) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xUnlock(p->real, l); }
static int f_check(sqlite3_file *f, int *r) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xCheckReservedLock(p->real, r); }
static int f_fctl(sqlite3_file *f, int op, void *a) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xFileControl(p->real, op, a); }
static int f_sector(sqlite3_file *f) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xSectorSize(p->real); }
static int f_dev(sqlite3_file *f) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xDeviceCharacteristics(p->real); }
static int f_shmmap(sqlite3_file *f, int i, int sz, int ext, void volatile **pp)
{
    ffile_t *p = (ffile_t *)f;
    return p->real->pMethods->xShmMap(p->real, i, sz, ext, pp);
}
static int f_shmlock(sqlite3_file *f, int o, int n, int fl) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xShmLock(p->real, o, n, fl); }
static void f_shmbarrier(sqlite3_file *f) { ffile_t *p = (ffile_t *)f; p->real->pMethods->xShmBarrier(p->real); }
static int f_shmunmap(sqlite3_file *f, int d) { ffile_t *p = (ffile_t *)f; return p->real->pMethods->xShmUnmap(p->real, d); }

static int v_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)v;
    ffile_t *p = (ffile_t *)f;
    p->real = (sqlite3_file *)(p + 1);
    int rc = g_real->xOpen(g_real, name, p->real, flags, out);
    p->base.pMethods = rc == SQLITE_OK ? &g_io : NULL;
    return rc;
}
static int v_delete(sqlite3_vfs *v, const char *n, int s) { (void)v; return g_real->xDelete(g_real, n, s); }
static int v_access(sqlite3_vfs *v, const char *n, int fl, int *r) { (void)v; return g_real->xAccess(g_real, n, fl, r); }
static int v_full(sqlite3_vfs *v, const char *n, int len, char *out) { (void)v; return g_real->xFullPathname(g_real, n, len, out); }
static void *v_dlopen(sqlite3_vfs *v, const char *n) { (void)v; return g_real->xDlOpen(g_real, n); }
static void v_dlerr(sqlite3_vfs *v, int n, char *m) { (void)v; g_real->xDlError(g_real, n, m); }
static void (*v_dlsym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return g_real->xDlSym(g_real, h, s); }
static void v_dlclose(sqlite3_vfs *v, void *h) { (void)v; g_real->xDlClose(g_real, h); }
static int v_rand(sqlite3_vfs *v, int n, char *o) { (void)v; return g_real->xRandomness(g_real, n, o); }
static int v_sleep(sqlite3_vfs *v, int us) { (void)v; return g_real->xSleep(g_real, us); }
static int v_time(sqlite3_vfs *v, double *t) { (void)v; return g_real->xCurrentTime(g_real, t); }
static int v_lasterr(sqlite3_vfs *v, int n, char *m) { (void)v; return g_real->xGetLastError ? g_real->xGetLastError(g_real, n, m) : 0; }
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *t) { (void)v; return g_real->xCurrentTimeInt64(g_real, t); }

/* Install the shim as the default VFS, so that hrr_store_open uses it. */
static void vfs_install(void)
{
    if (g_real) return;
    sqlite3_initialize();
    g_real = sqlite3_vfs_find(NULL);
    g_io = (sqlite3_io_methods){3, f_close, f_read, f_write, f_truncate, f_sync, f_size,
                                f_lock, f_unlock, f_check, f_fctl, f_sector, f_dev,
                                f_shmmap, f_shmlock, f_shmbarrier, f_shmunmap, NULL, NULL};
    g_vfs = (sqlite3_vfs){2, (int)sizeof(ffile_t) + g_real->szOsFile, g_real->mxPathname, NULL,
                          "hrr-faults", NULL, v_open, v_delete, v_access, v_full, v_dlopen,
                          v_dlerr, v_dlsym, v_dlclose, v_rand, v_sleep, v_time, v_lasterr,
                          v_time64, NULL, NULL, NULL};
    sqlite3_vfs_register(&g_vfs, 1);
}

/* ---------------------------------------------------------- the tests */

static const char k_groups[] =
    "iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
    "AFG,AF,4,Afghanistan,ASIA_PACIFIC,Asia\n"
    "CHN,CN,156,China,ASIA_PACIFIC,Asia\n"
    "CUB,CU,192,Cuba,GRULAC,GRULAC\n"
    "RUS,RU,643,Russian Federation,EEG,EEG\n"
    "USA,US,840,United States of America,WEOG,WEOG\n";

/* One kind of fault at every point an import of the groups file reaches:
 * the import fails with a message, the store stays valid and before (or,
 * failing after the commit, after). */
static void faults_of(int kind)
{
    char path[256], fx[256];
    vfs_install();
    fixture(fx, "groups.csv", k_groups);
    tmp_store(path);
    hrr_store_t *st = open_store(path);
    long before = store_fingerprint(st), after = 0;
    hrr_store_close(st);
    /* the fingerprint after a clean import, in a copy */
    {
        char p2[256];
        tmp_store(p2);
        hrr_store_t *s2 = open_store(p2);
        CHECK(hrr_import(s2, fx, NULL, NULL) == HRR_OK);
        after = store_fingerprint(s2);
        hrr_store_close(s2);
        rm_store(p2);
    }
    long nfail = 0, n;
    for (n = 0; n < 400; n++) {
        hrr_store_t *s = NULL;
        g_hits = 0;
        g_kind = kind;
        g_countdown = n;
        hrr_err_t orc = hrr_store_open(path, HRR_OPEN_CREATE, &s), rc = orc;
        if (orc == HRR_OK) rc = hrr_import(s, fx, NULL, NULL);
        bool hit = g_hits > 0;
        g_countdown = -1;
        g_kind = F_NONE;
        if (rc) {
            nfail++;
            CHECK(hit);
            CHECK(hrr_store_errmsg(s)[0] != 0);
            CHECK(rc == HRR_EDB || rc == HRR_EIO);
        }
        hrr_store_close(s);
        /* reopened on good storage: valid, and before or after */
        hrr_store_t *chk = open_store(path);
        char ok[64];
        CHECK_STR(sql_text(chk, "PRAGMA integrity_check", ok, sizeof ok), "ok");
        long fp = store_fingerprint(chk);
        if (rc) CHECK_EQ_LONG(fp, before);
        else CHECK(fp == before || fp == after);
        bool done = rc == HRR_OK && !hit;
        if (fp != before) { /* loaded: back to before for the next point */
            hrr_store_close(chk);
            rm_store(path);
            chk = open_store(path);
            CHECK_EQ_LONG(store_fingerprint(chk), before);
        }
        hrr_store_close(chk);
        if (done) break; /* the import no longer reaches the n-th write */
    }
    static const char *const names[] = {"", "short write", "ENOSPC", "EIO", "fsync EIO"};
    printf("%s: %ld points, %ld failed imports, each with a message, the store valid and as"
           " before\n", names[kind], n + 1, nfail);
    CHECK(n < 400);
    CHECK(nfail > 0);
    rm_store(path);
}

/* The same faults while a new store is made (the schema and the seed data
 * in one transaction): the open fails with a message, and the file opens
 * cleanly afterwards as a complete store. */
static void create_faults(int kind)
{
    char path[256];
    long n, nfail = 0;
    vfs_install();
    for (n = 0; n < 2000; n++) {
        hrr_store_t *s = NULL;
        tmp_store(path);
        g_hits = 0;
        g_kind = kind;
        g_countdown = n;
        hrr_err_t rc = hrr_store_open(path, HRR_OPEN_CREATE, &s);
        bool hit = g_hits > 0;
        g_countdown = -1;
        g_kind = F_NONE;
        if (rc) {
            nfail++;
            CHECK(hit);
            CHECK(hrr_store_errmsg(s)[0] != 0);
        }
        hrr_store_close(s);
        hrr_store_t *chk = open_store(path);
        char ok[64];
        int v = 0;
        CHECK_STR(sql_text(chk, "PRAGMA integrity_check", ok, sizeof ok), "ok");
        CHECK(hrr_store_schema_version(chk, &v) == HRR_OK && v >= 2);
        CHECK(sql_long(chk, "SELECT count(*) FROM states") > 200);
        hrr_store_close(chk);
        rm_store(path);
        if (rc == HRR_OK && !hit) break;
        if (n > 40) n += n / 8; /* the later points, sampled */
    }
    printf("store creation, fault %d: %ld points tried, %ld failed opens, each with a message;"
           " every file then opens as a complete store\n", kind, n + 1, nfail);
    CHECK(nfail > 0);
}

static void test_create_eio(void) { create_faults(F_EIO); }
static void test_create_enospc(void) { create_faults(F_NOSPC); }
static void test_short_write(void) { faults_of(F_SHORT); }
static void test_enospc(void) { faults_of(F_NOSPC); }
static void test_eio(void) { faults_of(F_EIO); }
static void test_fsync(void) { faults_of(F_FSYNC); }

/* A 100 MB line (of commas, or one field) imported in a child: the error
 * within seconds and the child's peak RSS under 200 MB. */
static void big_line(char c)
{
    char path[256], fx[256];
    snprintf(fx, sizeof fx, "/tmp/hrr-faults-%d-%c.csv", (int)getpid(), c == ',' ? 'c' : 'x');
    FILE *f = fopen(fx, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs("iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\nAFG,AF,4,", f);
    static char block[1 << 16];
    memset(block, c, sizeof block);
    for (int i = 0; i < 100 * 16; i++) fwrite(block, 1, sizeof block, f); /* 100 MiB */
    fputs(",ASIA_PACIFIC,Asia\n", f);
    CHECK(fclose(f) == 0);
    tmp_store(path);
    hrr_store_close(open_store(path));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        hrr_store_t *st = NULL;
        hrr_err_t rc = hrr_store_open(path, 0, &st);
        if (!rc) rc = hrr_import(st, fx, NULL, NULL);
        char msg[512];
        snprintf(msg, sizeof msg, "%d %s", (int)rc, hrr_store_errmsg(st));
        if (write(fds[1], msg, strlen(msg) + 1) < 0) _exit(2);
        hrr_store_close(st);
        _exit(0);
    }
    close(fds[1]);
    char msg[512] = "";
    ssize_t got = read(fds[0], msg, sizeof msg - 1);
    close(fds[0]);
    if (got > 0) msg[got] = 0;
    int status = 0;
    waitpid(pid, &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("100 MB %s: %.2f s, child peak RSS %ld kB: %s\n", c == ',' ? "line of commas" : "field",
           secs, ru.ru_maxrss, msg);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(strncmp(msg, "5 ", 2) == 0); /* HRR_EDATA */
    CHECK_HAS(msg, ":2: record longer than the limit of 1048576 bytes (HRR_MAX_RECORD)");
    CHECK(ru.ru_maxrss < 200 * 1024);
    CHECK(secs < 30); /* seconds, on a loaded machine; about 0.3 s unloaded */
    unlink(fx);
    rm_store(path);
}

static void test_line_100mb(void) { big_line(','); }
static void test_field_100mb(void) { big_line('x'); }

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_line_100mb);
    RUN(test_field_100mb);
    RUN(test_short_write);
    RUN(test_enospc);
    RUN(test_eio);
    RUN(test_fsync);
    RUN(test_create_eio);
    RUN(test_create_enospc);
    return harness_done();
}
