/*
 * serve.h - `hrr serve`: the JSON API and the static pages over HTTP
 * (libmicrohttpd, a thread pool), the store opened read-only. The entry the
 * CLI's cmd_serve.c calls; docs/api.md documents the routes.
 */
#ifndef HRR_WEB_SERVE_H
#define HRR_WEB_SERVE_H

#include "hrr.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct hrr_serve_opts {
    const char *db;         /* the store (opened read-only by each worker) */
    const char *bind;       /* an IPv4 address (default 127.0.0.1) */
    int port;               /* 1-65535 (0: the default, 8080) */
    const char *static_dir; /* the pages' folder (NULL: hrr_web_dir()) */
    unsigned threads;       /* worker threads (0: 4) */
} hrr_serve_opts_t;

/* Check the store opens read-only, start serving, print "hrr: serving STORE
 * on http://ADDR:PORT/" on stderr, and block until SIGINT or SIGTERM; then
 * stop cleanly. HRR_EINVAL for a bad address, HRR_EIO when the port cannot
 * be bound, HRR_EDB when the store does not open: the reason in MSG. */
hrr_err_t hrr_serve_run(const hrr_serve_opts_t *o, char *msg, size_t cap);

#endif
