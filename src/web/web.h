/*
 * web.h - what the server's parts share: a request as the handlers see it
 * (its query parameters, the worker's store), and the route table.
 */
#ifndef HRR_WEB_WEB_H
#define HRR_WEB_WEB_H

#include "serve.h"
#include "hrr/params.h"
#include "hrr/report.h"

#include <stdio.h>

struct MHD_Connection;

typedef struct web_req {
    struct MHD_Connection *conn;
    const hrr_serve_opts_t *opts;
    int status;      /* the answer's HTTP status when not 200 */
    char msg[512];   /* ... and its error message */
} web_req_t;

/* One route: PATH answered by FN, which takes the query parameters PARAMS
 * (a comma-separated list; any other is a 400). FN renders into F and
 * returns 200, or an error status with REQ->msg set (web_fail). */
typedef int (*web_handler_fn)(web_req_t *req, FILE *f);
typedef struct web_route {
    const char *path;
    const char *params;
    web_handler_fn fn;
} web_route_t;

extern const web_route_t web_routes[];
extern const size_t web_nroutes;

/* The value of the query parameter NAME, or NULL. */
const char *web_arg(web_req_t *req, const char *name);

/* Set REQ's error: STATUS and the message; returns STATUS. */
int web_fail(web_req_t *req, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The HTTP status for a library result code. */
int web_status(hrr_err_t rc);

/* This worker's store (opened read-only on first use, query_only), or NULL
 * with REQ's error set. BODIES: its bodies, as hrr_param_body_list. */
hrr_store_t *web_store(web_req_t *req, const char **bodies);

#endif
