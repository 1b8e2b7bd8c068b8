/*
 * init.c - the library's one-time start-up: igraph's and GSL's error
 * handlers, which by default abort the process (igraph) or call abort()
 * after printing (GSL), are replaced once, process-wide, by handlers that
 * only record the reason, so every call into them returns its error code and
 * the library turns it into an hrr_err_t. Run from hrr_store_open, hrr_ctx_new
 * and every public entry that reaches igraph or GSL without a store.
 */
#include "core.h"

#include <gsl/gsl_errno.h>
#include <igraph/igraph.h>
#include <pthread.h>
#include <stdio.h>

/* the last reason igraph or GSL gave on this thread (both libraries call
 * their handler on the thread that failed) */
static _Thread_local char t_reason[256];

static void igraph_record(const char *reason, const char *file, int line, igraph_error_t err)
{
    snprintf(t_reason, sizeof t_reason, "igraph: %s: %s (%s:%d)", igraph_strerror(err),
             reason ? reason : "", file ? file : "?", line);
    /* what igraph_error_handler_ignore does: free what the failing call had
     * put on igraph's cleanup stack, since the call now returns */
    IGRAPH_FINALLY_FREE();
}

/* igraph's warnings would print to stderr; the library never prints */
static void igraph_warn(const char *reason, const char *file, int line)
{
    (void)reason, (void)file, (void)line;
}

static void gsl_record(const char *reason, const char *file, int line, int gsl_errno)
{
    snprintf(t_reason, sizeof t_reason, "GSL: %s: %s (%s:%d)", gsl_strerror(gsl_errno),
             reason ? reason : "", file ? file : "?", line);
}

static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
    igraph_set_error_handler(igraph_record);
    igraph_set_warning_handler(igraph_warn);
    gsl_set_error_handler(gsl_record);
}

void hrr_i_init(void) { pthread_once(&g_once, init_once); }

const char *hrr_i_lib_reason(void) { return t_reason[0] ? t_reason : "no reason given"; }

void hrr_i_lib_reason_clear(void) { t_reason[0] = 0; }
