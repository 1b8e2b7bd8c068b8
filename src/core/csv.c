/*
 * csv.c - the libcsv wrapper behind every CSV importer. libcsv does the
 * quoting; this file feeds it one physical line at a time so that each record
 * knows the line it starts on (libcsv itself counts no lines), and collects
 * the fields of a record into one buffer.
 */
#include "csv.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rowbuf {
    hrr_sbuf_t bytes;   /* the record's fields, each NUL-terminated */
    size_t *off;        /* start of each field in bytes */
    size_t *len;        /* length of each field */
    char **f;           /* pointers handed to the callback */
    size_t n, cap;      /* fields used / allocated */
    long line;          /* line the current record started on */
    size_t offset;      /* bytes consumed so far */
    hrr_csv_fn fn;      /* user callback */
    void *ud;           /* its data */
    hrr_err_t rc;       /* first error, stops the parse */
    hrr_ctx_t *ctx;     /* allocates the record's buffers */
    size_t max_fields;  /* limit: fields in one record */
    long max_rows;      /* limit: records in the file */
    long nrows;         /* records seen */
    int over;           /* 1: too many fields, 2: too many rows */
} rowbuf_t;

static void on_field(void *s, size_t len, void *data)
{
    rowbuf_t *r = data;
    if (r->rc) return;
    if (r->n >= r->max_fields) {
        r->over = 1;
        r->rc = HRR_EDATA;
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        size_t *off = hrr_i_realloc(r->ctx, r->off, cap * sizeof *off);
        if (!off) goto nomem;
        r->off = off;
        size_t *ln = hrr_i_realloc(r->ctx, r->len, cap * sizeof *ln);
        if (!ln) goto nomem;
        r->len = ln;
        char **f = hrr_i_realloc(r->ctx, r->f, cap * sizeof *f);
        if (!f) goto nomem;
        r->f = f;
        r->cap = cap;
    }
    r->off[r->n] = r->bytes.n;
    r->len[r->n] = len;
    if (hrr_sbuf_add(r->ctx, &r->bytes, s ? s : "", s ? len : 0) ||
        hrr_sbuf_add(r->ctx, &r->bytes, "", 1))
        goto nomem;
    r->n++;
    return;
nomem:
    r->rc = HRR_ENOMEM;
}

static void on_record(int c, void *data)
{
    (void)c;
    rowbuf_t *r = data;
    if (r->rc) return;
    if (++r->nrows > r->max_rows) {
        r->over = 2;
        r->rc = HRR_EDATA;
        return;
    }
    for (size_t i = 0; i < r->n; i++) r->f[i] = r->bytes.z + r->off[i];
    hrr_csv_row_t row = {r->n, r->f, r->len, r->line, r->offset, r->ctx};
    r->rc = r->fn(r->ud, &row);
    r->n = 0;
    r->bytes.n = 0;
}

/* libcsv's own buffer: its hooks carry no data, so it is allocated with no
 * context (malloc & co, no fault injection). */
static void *csv_realloc(void *p, size_t n) { return hrr_i_realloc(NULL, p, n); }
static void csv_free_fn(void *p) { hrr_i_free(NULL, p); }

static size_t env_limit(const char *name, size_t dflt)
{
    const char *z = getenv(name);
    char *end;
    if (!z || !*z) return dflt;
    unsigned long long v = strtoull(z, &end, 10);
    return (*end || v == 0 || z[0] == '-') ? dflt : (size_t)v;
}

hrr_csv_limits_t hrr_i_csv_limits(void)
{
    hrr_csv_limits_t l = {env_limit("HRR_MAX_RECORD", HRR_CSV_MAX_RECORD),
                          env_limit("HRR_MAX_FIELDS", HRR_CSV_MAX_FIELDS),
                          (long)env_limit("HRR_MAX_ROWS", (size_t)HRR_CSV_MAX_ROWS)};
    if (l.max_rows <= 0) l.max_rows = HRR_CSV_MAX_ROWS;
    return l;
}

hrr_err_t hrr_i_csv_parse(hrr_ctx_t *ctx, const char *buf, size_t len, unsigned char delim,
                          hrr_csv_fn fn, void *ud, long *err_line)
{
    return hrr_i_csv_parse_lim(ctx, buf, len, delim, NULL, fn, ud, err_line, NULL, 0);
}

hrr_err_t hrr_i_csv_parse_lim(hrr_ctx_t *ctx, const char *buf, size_t len, unsigned char delim,
                              const hrr_csv_limits_t *lim, hrr_csv_fn fn, void *ud,
                              long *err_line, char *why, size_t whylen)
{
    struct csv_parser p;
    hrr_csv_limits_t dl;
    if (!lim) {
        dl = hrr_i_csv_limits();
        lim = &dl;
    }
    rowbuf_t r = {.fn = fn, .ud = ud, .ctx = ctx, .max_fields = lim->max_fields,
                  .max_rows = lim->max_rows};
    hrr_err_t rc = HRR_OK;
    long line = 1;
    size_t pos = 0;
    char dummy[1];

    if (!why) {
        why = dummy;
        whylen = sizeof dummy;
    }
    why[0] = 0;
    *err_line = 0;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
        return HRR_ENOMEM;
    csv_set_delim(&p, delim);
    csv_set_realloc_func(&p, csv_realloc);
    csv_set_free_func(&p, csv_free_fn);
    /* libcsv grows its field buffer by this much at a time: 128 bytes by
     * default, which makes a long field cost quadratic time */
    csv_set_blk_size(&p, 64 * 1024);
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) pos = 3;

    while (pos < len) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) + 1 : len;
        if (p.pstate == 0) r.line = line; /* no record open: one starts here */
        r.offset = end;
        /* a record's bytes so far (its finished fields, the open one) and
         * this line: refused before libcsv copies any of it */
        if (end - pos > lim->max_record ||
            r.bytes.n + p.entry_pos + (end - pos) > lim->max_record + r.n + 1) {
            rc = HRR_EDATA;
            *err_line = end - pos > lim->max_record ? line : r.line;
            snprintf(why, whylen, "record longer than the limit of %zu bytes (HRR_MAX_RECORD)",
                     lim->max_record);
            goto out;
        }
        if (csv_parse(&p, buf + pos, end - pos, on_field, on_record, &r) !=
            end - pos) {
            rc = csv_error(&p) == CSV_ENOMEM ? HRR_ENOMEM : HRR_EDATA;
            *err_line = line;
            if (rc == HRR_EDATA) snprintf(why, whylen, "malformed CSV (bad quoting)");
            goto out;
        }
        if (r.rc) {
            rc = r.rc;
            goto over;
        }
        pos = end;
        line++;
    }
    if (p.pstate == 0) r.line = line;
    if (csv_fini(&p, on_field, on_record, &r) != 0) {
        rc = HRR_EDATA;
        *err_line = r.line;
        snprintf(why, whylen, "malformed CSV (bad quoting)");
        goto out;
    }
    rc = r.rc;
over:
    if (r.over == 1) {
        *err_line = r.line;
        snprintf(why, whylen, "more than %zu fields in one record (HRR_MAX_FIELDS)",
                 lim->max_fields);
    } else if (r.over == 2) {
        *err_line = r.line;
        snprintf(why, whylen, "more than %ld records in one file (HRR_MAX_ROWS)",
                 lim->max_rows);
    }
out:
    csv_free(&p);
    hrr_sbuf_destroy(&r.bytes);
    hrr_i_free(ctx, r.off);
    hrr_i_free(ctx, r.len);
    hrr_i_free(ctx, r.f);
    return rc;
}
