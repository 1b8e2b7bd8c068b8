/*
 * hrr/base.h - what every part of libhrr shares: the version and the result
 * codes. Included by hrr.h (the whole public API); the library's lowest
 * layer (src/core) includes only this.
 */
#ifndef HRR_BASE_H
#define HRR_BASE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HRR_VERSION "0.1.0"

/* Result codes. The CLI maps them to exit codes (docs/cli.md). */
typedef enum hrr_err {
    HRR_OK = 0,        /* success */
    HRR_ENOMEM = 1,    /* allocation failed */
    HRR_EINVAL = 2,    /* bad argument from the caller */
    HRR_EIO = 3,       /* a file could not be read or written */
    HRR_EDB = 4,       /* the SQLite store failed or is not an hrr store */
    HRR_EDATA = 5,     /* bad input data: the message names file, line, field */
    HRR_ENOTFOUND = 6  /* the thing asked for is not in the store */
} hrr_err_t;

/* A short constant name for a result code ("ok", "out of memory", ...). */
const char *hrr_err_name(hrr_err_t rc);

#ifdef __cplusplus
}
#endif
#endif /* HRR_BASE_H */
