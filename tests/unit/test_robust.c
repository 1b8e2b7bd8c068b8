/*
 * test_robust.c - the store survives what goes wrong: every allocation
 * failure during an import returns HRR_ENOMEM and leaves the store as it
 * was (the sanitizer build checks nothing leaks); a process killed in the
 * middle of an import leaves the store as it was before the import.
 */
#include "harness.h"
#include "core/core.h"

#include <signal.h>
#include <sys/wait.h>

static const char k_head[] =
    "iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n";
static const char *const k_rows[] = {
    "AFG,AF,4,Afghanistan,ASIA_PACIFIC,Asia\n",
    "CHN,CN,156,China,ASIA_PACIFIC,Asia\n",
    "CUB,CU,192,Cuba,GRULAC,GRULAC\n",
    "RUS,RU,643,Russian Federation,EEG,EEG\n",
    "USA,US,840,United States of America,WEOG,WEOG\n",
};

static void test_nomem(void)
{
    char path[256], fx[256], content[1024] = "";
    strcat(content, k_head);
    for (size_t i = 0; i < sizeof k_rows / sizeof *k_rows; i++) strcat(content, k_rows[i]);
    fixture(fx, "groups.csv", content);
    tmp_store(path);
    hrr_store_t *st = open_store(path);
    long fp = store_fingerprint(st);
    int failures = 0;
    for (long n = 0; n < 10000; n++) {
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        hrr_import_result_t res;
        hrr_err_t rc = hrr_import(st, fx, NULL, &res);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), -1);
        hrr_import_result_destroy(&res);
        if (rc == HRR_OK) break;
        failures++;
        CHECK_EQ_LONG(rc, HRR_ENOMEM);
        CHECK(hrr_store_errmsg(st)[0] != 0);
        CHECK_EQ_LONG(store_fingerprint(st), fp);
    }
    CHECK(failures > 5); /* the import allocates: some failure points were hit */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org NOT IN ('EU','OIC','LMG','LMG2005')"), 5);
    hrr_store_close(st);
    rm_store(path);
}

static void die(void *ud, const char *p, long rows, double frac)
{
    (void)ud, (void)p, (void)frac;
    if (rows > 0) raise(SIGKILL); /* mid-file, mid-transaction */
}

static void test_killed(void)
{
    char path[256], fx[256];
    hrr_sbuf_t b = {0};
    hrr_err_t brc = hrr_sbuf_add(NULL, &b, k_head, strlen(k_head));
    /* 200,000 valid rows (repeats are memberships already known) */
    for (int i = 0; i < 40000; i++)
        for (size_t k = 0; k < sizeof k_rows / sizeof *k_rows; k++)
            brc |= hrr_sbuf_add(NULL, &b, k_rows[k], strlen(k_rows[k]));
    CHECK(brc == HRR_OK);
    fixture(fx, "groups.csv", b.z);
    hrr_sbuf_destroy(&b);
    tmp_store(path);
    hrr_store_t *st = open_store(path);
    long fp = store_fingerprint(st);
    hrr_store_close(st);

    pid_t pid = fork();
    if (pid == 0) {
        hrr_store_t *cst = NULL;
        hrr_import_opts_t o = {.progress = die};
        if (hrr_store_open(path, 0, &cst) == HRR_OK) hrr_import(cst, fx, &o, NULL);
        _exit(0); /* not reached when the kill lands */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    st = open_store(path);
    char ok[64];
    CHECK_STR(sql_text(st, "PRAGMA integrity_check", ok, sizeof ok), "ok");
    CHECK_EQ_LONG(store_fingerprint(st), fp);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM imports"), 0);
    /* and the same file imports cleanly afterwards */
    CHECK(hrr_import(st, fx, NULL, NULL) == HRR_OK);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org NOT IN ('EU','OIC','LMG','LMG2005')"), 5);
    CHECK_EQ_LONG(sql_long(st, "SELECT rows FROM imports"), 200000);
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_nomem);
    RUN(test_killed);
    return harness_done();
}
