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

/* The limits of one parse. A record (all its fields, over however many
 * physical lines) longer than MAX_RECORD bytes, with more than MAX_FIELDS
 * fields, or a file of more than MAX_ROWS records is refused (HRR_EDATA,
 * the line in *ERR_LINE, the reason in the parse's WHY), so the memory a
 * parse holds is bounded by about twice MAX_RECORD whatever the input. */
typedef struct hrr_csv_limits {
    size_t max_record;  /* bytes in one record (and in one physical line) */
    size_t max_fields;  /* fields in one record */
    long max_rows;      /* records in one file, the header included */
} hrr_csv_limits_t;

#define HRR_CSV_MAX_RECORD ((size_t)1 << 20) /* 1 MiB: the real data's longest is 15 kB */
#define HRR_CSV_MAX_FIELDS ((size_t)10000)   /* the real data's widest has 975 */
#define HRR_CSV_MAX_ROWS 50000000L           /* the real data's longest has 870,110 */

/* The default limits, each overridden by an environment variable when it
 * holds a positive number: HRR_MAX_RECORD, HRR_MAX_FIELDS, HRR_MAX_ROWS. */
hrr_csv_limits_t hrr_i_csv_limits(void);

/* Parse BUF (LEN bytes). A UTF-8 byte-order mark is skipped. On a quoting
 * error returns HRR_EDATA with the line in *ERR_LINE. CTX allocates the
 * record buffers (NULL: malloc). */
hrr_err_t hrr_i_csv_parse(hrr_ctx_t *ctx, const char *buf, size_t len, unsigned char delim,
                          hrr_csv_fn fn, void *ud, long *err_line);

/* The same, under LIM (NULL: hrr_i_csv_limits()); on a refusal WHY (WHYLEN
 * bytes, may be NULL) says which limit and what was found; on a quoting
 * error it says so. */
hrr_err_t hrr_i_csv_parse_lim(hrr_ctx_t *ctx, const char *buf, size_t len, unsigned char delim,
                              const hrr_csv_limits_t *lim, hrr_csv_fn fn, void *ud,
                              long *err_line, char *why, size_t whylen);

#endif
