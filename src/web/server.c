/*
 * server.c - the HTTP side of `hrr serve` (serve.h): libmicrohttpd with an
 * internal thread pool; GET and HEAD only; the API routes of routes.c; the
 * static pages from one folder, with no way out of it; JSON errors.
 */
#define _GNU_SOURCE
#include "web.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WEB_URI_MAX 4096          /* longest request target: 414 beyond */
#define WEB_CONN_LIMIT 256        /* connections at once */
#define WEB_CONN_PER_IP 64        /* ... from one address */
#define WEB_CONN_MEMORY (32 * 1024) /* per connection (headers, request line) */
#define WEB_TIMEOUT_S 30          /* an idle connection is closed */

/* ------------------------------------------------------------ the stores */

/* One store per worker thread, opened on first use; every one is listed so
 * that hrr_serve_run can close them after the workers stopped. */
typedef struct web_store {
    hrr_store_t *st;
    char bodies[256];
    struct web_store *next;
} web_store_t;

static _Thread_local web_store_t *t_store;
static pthread_mutex_t g_stores_mu = PTHREAD_MUTEX_INITIALIZER;
static web_store_t *g_stores;

static hrr_err_t open_store(const char *db, hrr_store_t **out, char *msg, size_t cap)
{
    hrr_err_t rc = hrr_store_open(db, HRR_OPEN_READONLY, out);
    if (rc) {
        snprintf(msg, cap, "%s", hrr_store_errmsg(*out));
        hrr_store_close(*out);
        *out = NULL;
        return rc;
    }
    /* read-only twice over: the connection, and SQLite refusing any write */
    if (sqlite3_exec(hrr_store_sqlite(*out), "PRAGMA query_only = 1", NULL, NULL, NULL)) {
        snprintf(msg, cap, "%s: could not make the store query-only", db);
        hrr_store_close(*out);
        *out = NULL;
        return HRR_EDB;
    }
    return HRR_OK;
}

hrr_store_t *web_store(web_req_t *req, const char **bodies)
{
    if (!t_store) {
        web_store_t *ws = calloc(1, sizeof *ws);
        if (!ws) return web_fail(req, 503, "out of memory"), NULL;
        hrr_err_t rc = open_store(req->opts->db, &ws->st, req->msg, sizeof req->msg);
        if (rc) {
            free(ws);
            req->status = 500;
            return NULL;
        }
        hrr_param_body_list(ws->st, ws->bodies, sizeof ws->bodies);
        pthread_mutex_lock(&g_stores_mu);
        ws->next = g_stores;
        g_stores = ws;
        pthread_mutex_unlock(&g_stores_mu);
        t_store = ws;
    }
    if (bodies) *bodies = t_store->bodies;
    return t_store->st;
}

static void close_stores(void)
{
    pthread_mutex_lock(&g_stores_mu);
    while (g_stores) {
        web_store_t *n = g_stores->next;
        hrr_store_close(g_stores->st);
        free(g_stores);
        g_stores = n;
    }
    pthread_mutex_unlock(&g_stores_mu);
}

/* ------------------------------------------------------------ requests */

const char *web_arg(web_req_t *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

int web_fail(web_req_t *req, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(req->msg, sizeof req->msg, fmt, ap);
    va_end(ap);
    return req->status = status;
}

int web_status(hrr_err_t rc)
{
    switch (rc) {
    case HRR_OK: return 200;
    case HRR_EINVAL: return 400;
    case HRR_ENOTFOUND: return 404;
    case HRR_ENOMEM: return 503;
    default: return 500;
    }
}

/* What the URI log callback learns of a request before it is parsed. */
typedef struct web_conn {
    size_t uri_len;
    bool uri_nul; /* the target holds an encoded NUL */
} web_conn_t;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    web_conn_t *wc = calloc(1, sizeof *wc);
    if (wc) {
        wc->uri_len = strlen(uri);
        wc->uri_nul = strstr(uri, "%00") != NULL;
    }
    return wc;
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls,
                    enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    free(*con_cls);
    *con_cls = NULL;
}

static enum MHD_Result answer(struct MHD_Connection *c, int status, const char *type,
                              char *buf, size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(buf);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (status == 405) MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

/* {"error": MSG, "status": STATUS}, the API's error (hrr_report_error). */
static enum MHD_Result answer_error(struct MHD_Connection *c, int status, const char *msg)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!m) return MHD_NO;
    hrr_err_t rc = hrr_report_error(m, msg, status);
    if (fclose(m) != 0 || rc) {
        free(buf);
        return MHD_NO;
    }
    return answer(c, status, "application/json; charset=utf-8", buf, n);
}

/* Every query parameter must be one the route takes. */
typedef struct check_args {
    const char *params;
    const char *bad;
} check_args_t;

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
    check_args_t *ca = cls;
    size_t n = strlen(key);
    (void)kind;
    (void)value;
    for (const char *p = ca->params; n && *p;) {
        const char *e = strchr(p, ',');
        size_t m = e ? (size_t)(e - p) : strlen(p);
        if (m == n && !strncmp(p, key, n)) return MHD_YES;
        if (!e) break;
        p = e + 1;
    }
    ca->bad = key;
    return MHD_NO;
}

static enum MHD_Result api(struct MHD_Connection *c, const hrr_serve_opts_t *o,
                           const web_route_t *rt)
{
    web_req_t req = {.conn = c, .opts = o};
    check_args_t ca = {rt->params, NULL};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_arg, &ca);
    if (ca.bad) {
        char msg[256];
        snprintf(msg, sizeof msg, "unknown parameter '%.100s' (%s takes: %s)", ca.bad, rt->path,
                 *rt->params ? rt->params : "none");
        return answer_error(c, 400, msg);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return answer_error(c, 503, "out of memory");
    int status = rt->fn(&req, f);
    if (fclose(f) && status == 200) status = web_fail(&req, 503, "out of memory");
    if (status != 200) {
        free(buf);
        return answer_error(c, status, req.msg);
    }
    return answer(c, 200, "application/json; charset=utf-8", buf, len);
}

/* ------------------------------------------------------------ static files */

static const char *content_type(const char *path)
{
    static const struct { const char *ext, *type; } k[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"}, {".csv", "text/csv; charset=utf-8"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"}, {".map", "application/json; charset=utf-8"},
        {".woff2", "font/woff2"}};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof k / sizeof *k; i++)
        if (!strcasecmp(dot, k[i].ext)) return k[i].type;
    return "application/octet-stream";
}

/* A relative path of plain components: no "..", ".", empty parts, leading
 * "/", backslashes or control characters. */
static bool safe_path(const char *rel)
{
    if (!*rel || *rel == '/') return false;
    for (const char *p = rel; *p;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)p[i] < 0x20 || p[i] == '\\' || p[i] == 0x7f) return false;
        p += n + (e != NULL);
        if (e && !*p) return false; /* a trailing "/" */
    }
    return true;
}

static enum MHD_Result serve_file(struct MHD_Connection *c, const hrr_serve_opts_t *o,
                                  const char *rel)
{
    char root[PATH_MAX], path[PATH_MAX], real[PATH_MAX];
    if (!safe_path(rel)) return answer_error(c, 403, "forbidden path");
    if (!realpath(o->static_dir, root)) return answer_error(c, 404, "no pages here");
    if ((size_t)snprintf(path, sizeof path, "%s/%s", root, rel) >= sizeof path ||
        !realpath(path, real))
        return answer_error(c, 404, "not found");
    size_t n = strlen(root);
    if (strncmp(real, root, n) || real[n] != '/') return answer_error(c, 403, "forbidden path");
    /* O_NONBLOCK: a FIFO must not hold a worker; fstat refuses it below */
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    struct stat sb;
    if (fd < 0) return answer_error(c, 404, "not found");
    if (fstat(fd, &sb) || !S_ISREG(sb.st_mode)) {
        close(fd);
        return answer_error(c, 404, "not found");
    }
    struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
    if (!r) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, content_type(real));
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* ------------------------------------------------------------ dispatch */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
    const hrr_serve_opts_t *o = cls;
    web_conn_t *wc = *con_cls;
    (void)version;
    (void)upload;
    (void)upload_size;
    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD)) {
        char msg[128];
        snprintf(msg, sizeof msg, "method %.20s is not allowed (GET, HEAD)", method);
        return answer_error(c, 405, msg);
    }
    if (!wc) return answer_error(c, 503, "out of memory");
    if (wc->uri_len > WEB_URI_MAX) {
        char msg[128];
        snprintf(msg, sizeof msg, "the request target is longer than %d bytes", WEB_URI_MAX);
        return answer_error(c, 414, msg);
    }
    if (wc->uri_nul) return answer_error(c, 400, "a NUL in the request target");
    if (!strncmp(url, "/api/", 5)) {
        for (size_t i = 0; i < web_nroutes; i++)
            if (!strcmp(url, web_routes[i].path)) return api(c, o, &web_routes[i]);
        char msg[256];
        snprintf(msg, sizeof msg, "no route %.200s (see docs/api.md)", url);
        return answer_error(c, 404, msg);
    }
    if (!strcmp(url, "/")) return serve_file(c, o, "index.html");
    if (!strncmp(url, "/static/", 8)) return serve_file(c, o, url + 8);
    return answer_error(c, 404, "not found");
}

/* ------------------------------------------------------------ the daemon */

hrr_err_t hrr_serve_run(const hrr_serve_opts_t *in, char *msg, size_t cap)
{
    hrr_serve_opts_t o = *in;
    struct sockaddr_in sa = {.sin_family = AF_INET};
    if (!o.bind) o.bind = "127.0.0.1";
    if (!o.port) o.port = 8080;
    if (!o.threads) o.threads = 4;
    if (!o.static_dir) o.static_dir = hrr_web_dir();
    if (inet_pton(AF_INET, o.bind, &sa.sin_addr) != 1) {
        snprintf(msg, cap, "--bind wants an IPv4 address, not '%s'", o.bind);
        return HRR_EINVAL;
    }
    sa.sin_port = htons((uint16_t)o.port);

    hrr_store_t *st = NULL; /* fail now, not at the first request */
    hrr_err_t rc = open_store(o.db, &st, msg, cap);
    if (rc) return rc;
    hrr_store_close(st);

    /* SIGINT and SIGTERM are taken by this thread only (the workers inherit
     * the mask), with sigwait below */
    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, &old);

    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, 0, NULL, NULL,
        on_request, &o, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, o.threads, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)WEB_CONN_LIMIT, MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)WEB_CONN_PER_IP,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)WEB_CONN_MEMORY,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)WEB_TIMEOUT_S, MHD_OPTION_URI_LOG_CALLBACK,
        on_uri, NULL, MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL, MHD_OPTION_END);
    if (!d) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        snprintf(msg, cap, "could not listen on %s:%d: %s", o.bind, o.port, strerror(errno));
        return HRR_EIO;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "hrr: serving %s on http://%s:%u/\n", o.db, o.bind,
            di ? (unsigned)di->port : (unsigned)o.port);
    fflush(stderr);
    int sig;
    while (sigwait(&sigs, &sig) != 0) {
    }
    MHD_stop_daemon(d);
    close_stores();
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    fprintf(stderr, "hrr: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return HRR_OK;
}
