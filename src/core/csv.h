/*
 * csv.h - reading delimited text with libcsv (RFC 4180 quoting, embedded
 * newlines), one record at a time, with the physical line each record
 * starts on, so every error can name its line. Internal.
 */
#ifndef HRR_CSV_H
#define HRR_CSV_H

#include "core.h"

/* One record. Fields are NUL-terminated and valid only during the callback. */
typedef struct hrr_csv_row {
    size_t n;         /* number of fields */
    char **f;         /* the fields */
    size_t *len;      /* their lengths in bytes */
    long line;        /* physical line the record starts on (1-based) */
    size_t offset;    /* byte offset just past the record's last line */
    hrr_ctx_t *ctx;   /* the context the parse was given */
} hrr_csv_row_t;

/* Called once per record, the header included. Return HRR_OK to go on;
 * anything else stops the parse and is returned by hrr_i_csv_parse. */
typedef hrr_err_t (*hrr_csv_fn)(void *ud, const hrr_csv_row_t *row);

/* Parse BUF (LEN bytes). A UTF-8 byte-order mark is skipped. On a quoting
 * error returns HRR_EDATA with the line in *ERR_LINE. CTX allocates the
 * record buffers (NULL: malloc). */
hrr_err_t hrr_i_csv_parse(hrr_ctx_t *ctx, const char *buf, size_t len, unsigned char delim,
                          hrr_csv_fn fn, void *ud, long *err_line);

#endif
