/*
 * import.c - the import driver: finds files (a file or a folder, walked in
 * sorted order), detects each one's format, and imports each file in one
 * transaction with its provenance (path, SHA-256, rows, time). A file whose
 * SHA-256 is already recorded is skipped, so importing twice changes nothing.
 */
#include "import.h"
#include "records/classify.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every format, in the order a folder is imported: identities first, then
 * items before the ballots that point at them. */
static const hrr_format_t *const k_formats[] = {
    &hrr_fmt_un_regional_groups,
    &hrr_fmt_country_codes,
    &hrr_fmt_unvotes_roll_calls,
    &hrr_fmt_unvotes_issues,
    &hrr_fmt_unvotes_votes,
    &hrr_fmt_voeten_long,
    &hrr_fmt_unxml,
    &hrr_fmt_hrc_vote_data,
    &hrr_fmt_hrc_legis,
    &hrr_fmt_hrc_wide,
    &hrr_fmt_hrc_long,
    &hrr_fmt_ohchr_resolutions,
    &hrr_fmt_ohchr_votes,
    &hrr_fmt_treaty_status,
    &hrr_fmt_upr_info,
    &hrr_fmt_polity5,
    &hrr_fmt_vdem,
    &hrr_fmt_fh,
    &hrr_fmt_generic_csv,
    &hrr_fmt_stata,
};
enum { N_FORMATS = sizeof k_formats / sizeof k_formats[0] };

const char *const *hrr_import_formats(void)
{
    static const char *names[N_FORMATS + 1];
    for (int i = 0; i < N_FORMATS; i++) names[i] = k_formats[i]->name;
    return names;
}

static const hrr_format_t *format_by_name(const char *name)
{
    for (int i = 0; i < N_FORMATS; i++)
        if (strcmp(k_formats[i]->name, name) == 0) return k_formats[i];
    return NULL;
}

/* ------------------------------------------------------ importer helpers */

hrr_err_t hrr_imp_fail(hrr_imp_t *imp, hrr_err_t rc, const char *field,
                       const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char where[64] = "";
    if (imp->line > 0)
        snprintf(where, sizeof where, imp->obs ? ": row %ld" : ":%ld", imp->line);
    if (field)
        return hrr_i_seterr(imp->st, rc, "%s%s: field '%s': %s", imp->path,
                            where, field, msg);
    return hrr_i_seterr(imp->st, rc, "%s%s: %s", imp->path, where, msg);
}

hrr_err_t hrr_imp_dberr(hrr_imp_t *imp, const char *what)
{
    int ec = sqlite3_errcode(imp->db);
    /* a trigger's refusal (a date after the import day) is bad input */
    if (sqlite3_extended_errcode(imp->db) == SQLITE_CONSTRAINT_TRIGGER)
        return hrr_imp_fail(imp, HRR_EDATA, NULL, "%s", sqlite3_errmsg(imp->db));
    return hrr_imp_fail(imp, ec == SQLITE_NOMEM ? HRR_ENOMEM : HRR_EDB, NULL,
                        "%s: %s", what, sqlite3_errmsg(imp->db));
}

hrr_err_t hrr_imp_prepare(hrr_imp_t *imp, const char *sql, sqlite3_stmt **s)
{
    if (sqlite3_prepare_v2(imp->db, sql, -1, s, NULL) != SQLITE_OK)
        return hrr_imp_dberr(imp, "preparing a statement");
    return HRR_OK;
}

int hrr_imp_col(const hrr_imp_t *imp, const char *name)
{
    for (size_t i = 0; i < imp->nhdr; i++)
        if (strcmp(imp->hdr[i], name) == 0) return (int)i;
    return -1;
}

hrr_err_t hrr_imp_cols(hrr_imp_t *imp, const hrr_imp_colspec_t *spec, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int k = hrr_imp_col(imp, spec[i].name);
        *spec[i].idx = k;
        if (k < 0 && !spec[i].optional)
            return hrr_imp_fail(imp, HRR_EDATA, spec[i].name, "%s",
                                spec[i].why ? spec[i].why : "missing column in header");
    }
    return HRR_OK;
}

hrr_err_t hrr_imp_need_all(hrr_imp_t *imp, const char *const *names, size_t n, int *idx)
{
    hrr_err_t rc;
    for (size_t i = 0; i < n; i++) {
        hrr_imp_colspec_t one = {names[i], &idx[i], false, NULL};
        if ((rc = hrr_imp_cols(imp, &one, 1))) return rc;
    }
    return HRR_OK;
}

hrr_err_t hrr_imp_stmterr(hrr_imp_t *imp, sqlite3_stmt *s)
{
    if (sqlite3_extended_errcode(imp->db) == SQLITE_CONSTRAINT_TRIGGER)
        return hrr_imp_fail(imp, HRR_EDATA, NULL, "%s", sqlite3_errmsg(imp->db));
    return hrr_imp_fail(imp, HRR_EDB, NULL, "%s: %s", sqlite3_sql(s), sqlite3_errmsg(imp->db));
}

hrr_err_t hrr_imp_text_by_id(hrr_imp_t *imp, const char *sql, long id, char *out, size_t len)
{
    sqlite3_stmt *s;
    bool row;
    hrr_err_t rc = hrr_imp_prepare(imp, sql, &s);
    if (rc) return rc;
    sqlite3_bind_int64(s, 1, id);
    if (!(rc = hrr_imp_step(imp, s, &row)) && row && sqlite3_column_text(s, 0))
        snprintf(out, len, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return rc;
}

hrr_err_t hrr_imp_step(hrr_imp_t *imp, sqlite3_stmt *s, bool *row)
{
    hrr_err_t rc = hrr_i_step(NULL, s, row);
    if (rc == HRR_ENOMEM) return hrr_imp_fail(imp, rc, NULL, "out of memory");
    return rc ? hrr_imp_stmterr(imp, s) : HRR_OK;
}

hrr_err_t hrr_imp_finding(hrr_imp_t *imp, const char *kind, long item_id,
                          const char *detail)
{
    sqlite3_stmt *s;
    hrr_err_t rc = hrr_imp_prepare(imp,
        "INSERT INTO findings(kind,item_id,detail,source_id) VALUES(?,?,?,?)"
        " ON CONFLICT DO NOTHING", &s);
    if (rc) return rc;
    sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
    if (item_id) sqlite3_bind_int64(s, 2, item_id);
    else sqlite3_bind_null(s, 2);
    sqlite3_bind_text(s, 3, detail, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, imp->source_id);
    if (sqlite3_step(s) != SQLITE_DONE) rc = hrr_imp_dberr(imp, "recording a finding");
    sqlite3_finalize(s);
    return rc;
}

void hrr_imp_progress(hrr_imp_t *imp, size_t offset)
{
    if (!imp->opts->progress || (imp->rows & 0xffff) != 0) return;
    imp->opts->progress(imp->opts->progress_ud, imp->path, imp->rows,
                        imp->len ? (double)offset / (double)imp->len : 1.0);
}

bool hrr_imp_basename_is(const char *path, const char *name)
{
    const char *b = strrchr(path, '/');
    return strcmp(b ? b + 1 : path, name) == 0;
}

typedef struct csvctx {
    hrr_imp_t *imp;          /* the import */
    hrr_imp_row_fn header;   /* header callback */
    hrr_imp_row_fn row;      /* row callback */
    void *ud;                /* their data */
    long nrows;              /* records after the header */
} csvctx_t;

/* The offset of the first byte of Z (N bytes) that is not valid UTF-8 or is
 * a NUL, or N if there is none. Overlong forms, surrogates and code points
 * above U+10FFFF are invalid (RFC 3629). */
static size_t utf8_bad(const unsigned char *z, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = z[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) k = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i; /* NUL, a continuation byte, C0, C1, F5-FF */
        }
        if (i + k >= n) return i; /* cut short */
        if (z[i + 1] < lo || z[i + 1] > hi) return i;
        for (size_t j = 2; j <= k; j++)
            if (z[i + j] < 0x80 || z[i + j] > 0xBF) return i;
        i += k + 1;
    }
    return n;
}

static hrr_err_t csv_cb(void *ud, const hrr_csv_row_t *row)
{
    csvctx_t *c = ud;
    hrr_imp_t *imp = c->imp;
    imp->line = row->line;
    /* every field of every file is text: UTF-8, no NUL (a name with either
     * would be stored as given, and shown or matched wrongly later) */
    for (size_t i = 0; i < row->n; i++) {
        size_t at = utf8_bad((const unsigned char *)row->f[i], row->len[i]);
        if (at < row->len[i]) {
            const char *field = imp->hdr && i < imp->nhdr ? imp->hdr[i] : NULL;
            if (!row->f[i][at])
                return hrr_imp_fail(imp, HRR_EDATA, field, "%sa NUL byte at byte %zu",
                                    field ? "" : "header: ", at + 1);
            return hrr_imp_fail(imp, HRR_EDATA, field, "%snot valid UTF-8 (byte 0x%02X at byte"
                                " %zu)", field ? "" : "header: ",
                                (unsigned char)row->f[i][at], at + 1);
        }
    }
    if (!imp->hdr) {
        imp->hdr = hrr_i_calloc(hrr_store_ctx(imp->st), row->n, sizeof *imp->hdr);
        if (!imp->hdr) return HRR_ENOMEM;
        imp->nhdr = row->n;
        for (size_t i = 0; i < row->n; i++)
            if (!(imp->hdr[i] = hrr_i_strdup(hrr_store_ctx(imp->st), row->f[i]))) return HRR_ENOMEM;
        return c->header ? c->header(imp, row, c->ud) : HRR_OK;
    }
    if (row->n != imp->nhdr)
        return hrr_imp_fail(imp, HRR_EDATA, NULL,
                            "wrong column count: %zu fields, the header has %zu",
                            row->n, imp->nhdr);
    c->nrows++;
    imp->records++;
    hrr_err_t rc = c->row(imp, row, c->ud);
    hrr_imp_progress(imp, row->offset);
    return rc;
}

hrr_err_t hrr_imp_csv(hrr_imp_t *imp, unsigned char delim,
                      hrr_imp_row_fn header, hrr_imp_row_fn row, void *ud)
{
    csvctx_t c = {imp, header, row, ud, 0};
    long line = 0;
    char why[160];
    hrr_err_t rc = hrr_i_csv_parse_lim(hrr_store_ctx(imp->st), imp->data, imp->len, delim, NULL,
                                       csv_cb, &c, &line, why, sizeof why);
    if (rc == HRR_EDATA && why[0]) {
        imp->line = line;
        return hrr_imp_fail(imp, rc, NULL, "%s", why);
    }
    if (rc == HRR_ENOMEM) return hrr_i_seterr(imp->st, rc, "%s: out of memory", imp->path);
    if (rc == HRR_OK && !imp->hdr) {
        imp->line = 0;
        return hrr_imp_fail(imp, HRR_EDATA, NULL, "empty file: no header");
    }
    if (rc == HRR_OK && !c.nrows) {
        imp->line = 0;
        return hrr_imp_fail(imp, HRR_EDATA, NULL, "a header and no data rows: nothing to import");
    }
    return rc;
}

/* ---------------------------------------------------------------- driver */

hrr_err_t hrr_import_detect(const char *path, const char **format)
{
    char head[4097];
    size_t n = 0;
    struct stat sb;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    *format = NULL;
    if (fd >= 0) {
        if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
            ssize_t got;
            while (n < sizeof head - 1 &&
                   ((got = read(fd, head + n, sizeof head - 1 - n)) > 0 ||
                    (got < 0 && errno == EINTR)))
                if (got > 0) n += (size_t)got;
        }
        close(fd);
    }
    head[n] = 0;
    for (int i = 0; i < N_FORMATS; i++)
        if (k_formats[i]->detect && k_formats[i]->detect(path, head)) {
            *format = k_formats[i]->name;
            return HRR_OK;
        }
    return HRR_ENOTFOUND;
}

/* Why a file met in a folder was left alone (hrr_import_file_t.skipped). */
enum {
    SKIP_DONE = 1,      /* identical file already imported */
    SKIP_FORMAT = 2,    /* not a format hrr reads */
    SKIP_NOTREG = 3,    /* not a regular file (FIFO, socket, device) */
    SKIP_UNREAD = 4,    /* unreadable (the message says why) */
    SKIP_SEEN = 5,      /* the same file (device and inode) met before */
};

typedef struct filelist {
    char **paths;      /* files found */
    int *skip;         /* 0, or why the file is left alone (SKIP_*) */
    size_t n, cap;     /* used / allocated */
    dev_t *dev;        /* each file and folder visited: device ... */
    ino_t *ino;        /* ... and inode, so that each is visited once */
    size_t nseen, capseen; /* used / allocated */
} filelist_t;

static hrr_err_t list_add(hrr_ctx_t *ctx, filelist_t *l, const char *path, int skip)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **p = hrr_i_realloc(ctx, l->paths, cap * sizeof *p);
        if (!p) return HRR_ENOMEM;
        l->paths = p;
        int *k = hrr_i_realloc(ctx, l->skip, cap * sizeof *k);
        if (!k) return HRR_ENOMEM;
        l->skip = k;
        l->cap = cap;
    }
    if (!(l->paths[l->n] = hrr_i_strdup(ctx, path))) return HRR_ENOMEM;
    l->skip[l->n] = skip;
    l->n++;
    return HRR_OK;
}

/* Was (DEV, INO) visited? If not, record it. *SEEN receives the answer. */
static hrr_err_t seen_add(hrr_ctx_t *ctx, filelist_t *l, const struct stat *sb, bool *seen)
{
    *seen = false;
    for (size_t i = 0; i < l->nseen; i++)
        if (l->dev[i] == sb->st_dev && l->ino[i] == sb->st_ino) {
            *seen = true;
            return HRR_OK;
        }
    if (l->nseen == l->capseen) {
        size_t cap = l->capseen ? 2 * l->capseen : 64;
        dev_t *d = hrr_i_realloc(ctx, l->dev, cap * sizeof *d);
        if (!d) return HRR_ENOMEM;
        l->dev = d;
        ino_t *in = hrr_i_realloc(ctx, l->ino, cap * sizeof *in);
        if (!in) return HRR_ENOMEM;
        l->ino = in;
        l->capseen = cap;
    }
    l->dev[l->nseen] = sb->st_dev;
    l->ino[l->nseen] = sb->st_ino;
    l->nseen++;
    return HRR_OK;
}

static void list_destroy(hrr_ctx_t *ctx, filelist_t *l)
{
    for (size_t i = 0; i < l->n; i++) hrr_i_free(ctx, l->paths[i]);
    hrr_i_free(ctx, l->paths);
    hrr_i_free(ctx, l->skip);
    hrr_i_free(ctx, l->dev);
    hrr_i_free(ctx, l->ino);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk folder DIR (already recorded as visited) in sorted order. Symbolic
 * links are followed, but a file or folder is visited once, by device and
 * inode, so a link cycle ends at once and no file is imported twice. What is
 * left alone (not a regular file, unreadable, met before) is listed, with
 * the reason. */
static hrr_err_t walk(hrr_store_t *st, const char *dir, filelist_t *l)
{
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    DIR *d = opendir(dir);
    struct dirent *e;
    hrr_err_t rc = HRR_OK;
    if (!d) return hrr_i_seterr(st, HRR_EIO, "%s: %s", dir, strerror(errno));
    char **sub = NULL;
    size_t nsub = 0, capsub = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (nsub == capsub) {
            size_t cap = capsub ? 2 * capsub : 64;
            char **p = hrr_i_realloc(ctx, sub, cap * sizeof *p);
            if (!p) {
                rc = HRR_ENOMEM;
                break;
            }
            sub = p;
            capsub = cap;
        }
        if (!(sub[nsub] = hrr_i_printf(ctx, "%s/%s", dir, e->d_name))) {
            rc = HRR_ENOMEM;
            break;
        }
        nsub++;
    }
    closedir(d);
    if (nsub) qsort(sub, nsub, sizeof *sub, cmp_str);
    for (size_t i = 0; i < nsub && !rc; i++) {
        struct stat sb;
        bool seen;
        if (stat(sub[i], &sb) != 0) {
            rc = list_add(ctx, l, sub[i], SKIP_UNREAD);
            continue;
        }
        if (!S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode)) {
            rc = list_add(ctx, l, sub[i], SKIP_NOTREG);
            continue;
        }
        if ((rc = seen_add(ctx, l, &sb, &seen))) break;
        if (seen) rc = list_add(ctx, l, sub[i], SKIP_SEEN);
        else if (S_ISDIR(sb.st_mode)) {
            DIR *probe = opendir(sub[i]);
            if (!probe) rc = list_add(ctx, l, sub[i], SKIP_UNREAD);
            else {
                closedir(probe);
                rc = walk(st, sub[i], l);
            }
        } else if (access(sub[i], R_OK) != 0) {
            rc = list_add(ctx, l, sub[i], SKIP_UNREAD);
        } else {
            rc = list_add(ctx, l, sub[i], 0);
        }
    }
    for (size_t i = 0; i < nsub; i++) hrr_i_free(ctx, sub[i]);
    hrr_i_free(ctx, sub);
    return rc;
}

/* What a file that is not a regular file is, for a message. */
static const char *file_kind(mode_t m)
{
    if (S_ISDIR(m)) return "a folder";
    if (S_ISFIFO(m)) return "a FIFO";
    if (S_ISSOCK(m)) return "a socket";
    if (S_ISCHR(m)) return "a character device";
    if (S_ISBLK(m)) return "a block device";
    return "not a regular file";
}

/* Read the regular file PATH whole into *OUT (*LEN bytes, NUL-terminated),
 * through the one file reader (hrr_i_read_file_mode): a FIFO or a device is
 * refused by name instead of blocking or never ending. */
static hrr_err_t read_regular(hrr_store_t *st, const char *path, char **out, size_t *len)
{
    int eno = 0;
    unsigned mode = 0;
    hrr_err_t rc = hrr_i_read_file_mode(hrr_store_ctx(st), path, out, len, &eno, &mode);
    if (rc == HRR_OK || rc == HRR_ENOMEM) return rc;
    if (mode)
        return hrr_i_seterr(st, HRR_EIO, "%s: %s, not a regular file: hrr reads regular files only",
                            path, file_kind((mode_t)mode));
    return hrr_i_seterr(st, HRR_EIO, "%s: cannot read: %s", path, strerror(eno));
}

static hrr_err_t res_add(hrr_ctx_t *ctx, hrr_import_result_t *res, const char *path,
                         const char *format, long rows, int skipped)
{
    if (!res) return HRR_OK;
    hrr_import_file_t *f = hrr_i_realloc(ctx, res->files, (res->nfiles + 1) * sizeof *f);
    if (!f) return HRR_ENOMEM;
    res->files = f;
    f = &res->files[res->nfiles];
    if (!(f->path = hrr_i_strdup(ctx, path))) return HRR_ENOMEM;
    f->format = format;
    f->rows = rows;
    f->skipped = skipped;
    res->nfiles++;
    return HRR_OK;
}

void hrr_import_result_destroy(hrr_import_result_t *res)
{
    if (!res) return;
    for (size_t i = 0; i < res->nfiles; i++) hrr_i_free(NULL, res->files[i].path);
    hrr_i_free(NULL, res->files);
    res->files = NULL;
    res->nfiles = 0;
    res->rows = 0;
}

/* What follows an import: ballots reconciled with tallies (hrr_check_run),
 * items classified (hrr_i_classify). Inside the caller's transaction. */
static hrr_err_t derive(hrr_store_t *st)
{
    long ncountry;
    hrr_err_t rc = hrr_check_run(st, NULL);
    return rc ? rc : hrr_i_classify(st, &ncountry);
}

/* The foreign keys of the tables IMP's format writes (and, for the LAST
 * file, those derive writes), after its rows are in: the first row that names a parent the store does not have fails the
 * import (the importers resolve every id from the store, so this is the
 * guarantee, not the expected path). */
static hrr_err_t fk_check(hrr_imp_t *imp, bool last)
{
    char tables[160];
    /* the last file's transaction also takes the derived findings (a bulk
     * format lists findings already: every importer may write them) and the
     * items' scope and target (derive) */
    snprintf(tables, sizeof tables, "%s%s", imp->fmt->bulk, last ? " items" : "");
    const char *t = tables;
    hrr_err_t rc = HRR_OK;
    while (*t && !rc) {
        size_t n = strcspn(t, " ");
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA foreign_key_check(%.*s)", (int)n, t);
        t += n + (t[n] == ' ');
        sqlite3_stmt *s = NULL;
        bool bad;
        if ((rc = hrr_imp_prepare(imp, sql, &s))) break;
        rc = hrr_imp_step(imp, s, &bad);
        if (rc == HRR_OK && bad) {
            char what[200];
            snprintf(what, sizeof what, "a row of table %s (rowid %lld) names a row of %s that is"
                     " not in the store (foreign key check)",
                     (const char *)sqlite3_column_text(s, 0), (long long)sqlite3_column_int64(s, 1),
                     (const char *)sqlite3_column_text(s, 2));
            imp->line = 0;
            rc = hrr_imp_fail(imp, HRR_EDATA, NULL, "%s", what);
        }
        sqlite3_finalize(s);
    }
    return rc;
}

/* Import one file in one transaction. *SKIPPED: 1 if already imported.
 * LAST: the last file of the import, whose transaction also takes the
 * derived findings, so that they commit (or roll back) with it. */
static hrr_err_t import_file(hrr_store_t *st, const char *path,
                             const hrr_format_t *fmt,
                             const hrr_import_opts_t *opts, bool last, long *rows,
                             int *skipped, bool *derived)
{
    hrr_imp_t imp = {.st = st, .db = st->db, .path = path, .fmt = fmt, .opts = opts};
    char *data = NULL;
    size_t len = 0;
    char sha[65];
    sqlite3_stmt *s = NULL;
    hrr_err_t rc;
    bool in_tx = false, fk_late = false;

    *rows = 0;
    *skipped = 0;
    if ((rc = read_regular(st, path, &data, &len))) goto out;
    imp.data = data;
    imp.len = len;
    hrr_i_sha256_hex(data, len, sha);

    /* SQLite's foreign-key check costs a parent lookup (a cursor opened and
     * closed on each parent table) for every row: about 30% of un_votes.csv's
     * 870,109 ballots. PRAGMA foreign_key_check of the tables written, once
     * before the commit, gives the same guarantee for less (0.08 s for the
     * million ballots of the store): so a bulk format's file is imported
     * with the per-row check off (the pragma cannot change inside a
     * transaction) and checked at the end, in the same transaction
     * (docs/bench-import.md). */
    fk_late = fmt->bulk != NULL;
    if (fk_late && (rc = hrr_i_exec(st, "PRAGMA foreign_keys=OFF"))) goto out;
    if ((rc = hrr_i_exec(st, "BEGIN IMMEDIATE"))) goto out;
    in_tx = true;
    if ((rc = hrr_imp_prepare(&imp, "SELECT 1 FROM imports WHERE sha256=?", &s))) goto out;
    sqlite3_bind_text(s, 1, sha, -1, SQLITE_STATIC);
    bool seen;
    rc = hrr_imp_step(&imp, s, &seen);
    sqlite3_finalize(s);
    s = NULL;
    if (rc) goto out;
    if (seen) {
        *skipped = 1;
        goto out;
    }
    if ((rc = hrr_imp_prepare(&imp,
            "INSERT INTO imports(path,sha256,format,started)"
            " VALUES(?,?,?,strftime('%Y-%m-%dT%H:%M:%SZ','now'))", &s)))
        goto out;
    sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, sha, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, fmt->name, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) {
        rc = hrr_imp_dberr(&imp, "recording provenance");
        goto out;
    }
    sqlite3_finalize(s);
    s = NULL;
    imp.source_id = (long)sqlite3_last_insert_rowid(st->db);

    /* a record is of a day that has been: an item dated after the import
     * day is refused, whichever importer writes it */
    if ((rc = hrr_i_exec(st,
            "CREATE TEMP TRIGGER IF NOT EXISTS hrr_item_future BEFORE INSERT ON main.items"
            " WHEN NEW.date > date('now') BEGIN SELECT RAISE(ABORT, 'field ''date'': after the"
            " import day: a record is of a day that has been'); END;"
            "CREATE TEMP TRIGGER IF NOT EXISTS hrr_item_future_upd BEFORE UPDATE OF date ON"
            " main.items WHEN NEW.date > date('now') BEGIN SELECT RAISE(ABORT, 'field ''date'':"
            " after the import day: a record is of a day that has been'); END")))
        goto out;
    if ((rc = fmt->import(&imp))) goto out;
    /* an empty file, or one of no records: a file whose records were all
     * read and left out (territories, years out of scope: findings) is not */
    if (!imp.rows && !imp.records) {
        imp.line = 0;
        rc = hrr_imp_fail(&imp, HRR_EDATA, NULL, "no records: nothing to import");
        goto out;
    }
    if ((rc = hrr_imp_member_findings(&imp))) goto out;
    if (last) {
        if ((rc = derive(st))) goto out;
        *derived = true;
    }
    if (fk_late && (rc = fk_check(&imp, last))) goto out;

    if ((rc = hrr_imp_prepare(&imp,
            "UPDATE imports SET rows=?, finished=strftime('%Y-%m-%dT%H:%M:%SZ','now')"
            " WHERE id=?", &s)))
        goto out;
    sqlite3_bind_int64(s, 1, imp.rows);
    sqlite3_bind_int64(s, 2, imp.source_id);
    if (sqlite3_step(s) != SQLITE_DONE) {
        rc = hrr_imp_dberr(&imp, "recording provenance");
        goto out;
    }
    *rows = imp.rows;
out:
    sqlite3_finalize(s);
    if (in_tx) {
        if (rc == HRR_OK) {
            if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
                rc = hrr_i_dberr(st, "committing the import");
                sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            }
        } else {
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        }
    }
    if (fk_late && sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL) != SQLITE_OK &&
        rc == HRR_OK)
        rc = hrr_i_dberr(st, "turning foreign keys back on");
    hrr_imp_writer_close(imp.writer);
    hrr_i_free(hrr_store_ctx(st), imp.writer);
    hrr_i_imp_states_free(imp.states);
    hrr_i_imp_members_free(imp.members);
    for (size_t i = 0; i < imp.nhdr; i++) hrr_i_free(hrr_store_ctx(st), imp.hdr[i]);
    hrr_i_free(hrr_store_ctx(st), imp.hdr);
    hrr_i_free(hrr_store_ctx(st), data);
    if (rc == HRR_ENOMEM && !st->ctx->errmsg[0])
        hrr_i_seterr(st, rc, "%s: out of memory", path);
    return rc;
}

typedef struct job {
    char *path;                 /* file */
    const hrr_format_t *fmt;    /* its format, NULL if none */
    int skip;                   /* 0, or why the walker left it alone (SKIP_*) */
} job_t;

static int cmp_job(const void *a, const void *b)
{
    const job_t *x = a, *y = b;
    int ox = x->fmt ? x->fmt->order : 1 << 20, oy = y->fmt ? y->fmt->order : 1 << 20;
    if (ox != oy) return ox < oy ? -1 : 1;
    return strcmp(x->path, y->path);
}

hrr_err_t hrr_import(hrr_store_t *st, const char *path,
                     const hrr_import_opts_t *opts, hrr_import_result_t *res)
{
    static const hrr_import_opts_t no_opts;
    filelist_t l = {0};
    job_t *jobs = NULL;
    struct stat sb;
    hrr_err_t rc = HRR_OK;
    const hrr_format_t *forced = NULL;
    bool loaded = false, derived = false;

    if (!opts) opts = &no_opts;
    if (res) memset(res, 0, sizeof *res);
    st->ctx->errmsg[0] = 0;
    if (st->readonly) return hrr_i_seterr(st, HRR_EINVAL, "%s: store is read-only", st->path);
    if (opts->format && !(forced = format_by_name(opts->format)))
        return hrr_i_seterr(st, HRR_EINVAL, "unknown format '%s' (hrr import --list-formats)",
                            opts->format);
    if (stat(path, &sb) != 0)
        return hrr_i_seterr(st, HRR_EIO, "%s: cannot read: %s", path, strerror(errno));
    bool folder = S_ISDIR(sb.st_mode);
    if (!folder && !S_ISREG(sb.st_mode))
        return hrr_i_seterr(st, HRR_EIO, "%s: %s, not a regular file: hrr reads regular files"
                            " only", path, file_kind(sb.st_mode));
    if (!folder && access(path, R_OK) != 0)
        return hrr_i_seterr(st, HRR_EIO, "%s: cannot read: %s", path, strerror(errno));
    if (folder) {
        bool seen;
        if (!(rc = seen_add(hrr_store_ctx(st), &l, &sb, &seen))) rc = walk(st, path, &l);
    } else {
        rc = list_add(hrr_store_ctx(st), &l, path, 0);
    }
    if (rc) goto out;

    if (!(jobs = hrr_i_calloc(hrr_store_ctx(st), l.n, sizeof *jobs))) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < l.n; i++) {
        const char *name = NULL;
        jobs[i].path = l.paths[i];
        jobs[i].skip = l.skip[i];
        if (jobs[i].skip) continue;
        if (forced) jobs[i].fmt = forced;
        else if (hrr_import_detect(l.paths[i], &name) == HRR_OK)
            jobs[i].fmt = format_by_name(name);
    }
    if (l.n) qsort(jobs, l.n, sizeof *jobs, cmp_job);
    for (size_t i = 0; i < l.n; i++) {
        long rows = 0;
        int skipped = 0;
        if (jobs[i].skip) {
            if ((rc = res_add(hrr_store_ctx(st), res, jobs[i].path, NULL, 0, jobs[i].skip)))
                goto out;
            continue;
        }
        if (!jobs[i].fmt) {
            if (!folder) {
                rc = hrr_i_seterr(st, HRR_EDATA,
                                  "%s: not a format hrr reads (hrr import --list-formats;"
                                  " a CSV of your own: --format generic-csv --mapping ...)",
                                  jobs[i].path);
                goto out;
            }
            if ((rc = res_add(hrr_store_ctx(st), res, jobs[i].path, NULL, 0, SKIP_FORMAT)))
                goto out;
            continue;
        }
        /* the report entry first, so that a failure to record it cannot
         * follow a committed import */
        if ((rc = res_add(hrr_store_ctx(st), res, jobs[i].path, jobs[i].fmt->name, 0, 0))) goto out;
        rc = import_file(st, jobs[i].path, jobs[i].fmt, opts, i + 1 == l.n, &rows, &skipped,
                         &derived);
        if (!rc && !skipped) loaded = true;
        if (res) {
            res->files[res->nfiles - 1].rows = rows;
            res->files[res->nfiles - 1].skipped = skipped;
            res->rows += rows;
        }
        if (rc) goto out;
    }
    /* what was loaded is reconciled at once; normally in the last file's
     * transaction, else (the last file was already there) in one of its own */
    if (loaded && !derived) {
        if ((rc = hrr_i_exec(st, "BEGIN IMMEDIATE"))) goto out;
        if ((rc = derive(st)) == HRR_OK) rc = hrr_i_exec(st, "COMMIT");
        if (rc) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    }
out:
    if (rc == HRR_ENOMEM && !st->ctx->errmsg[0]) hrr_i_seterr(st, rc, "out of memory");
    list_destroy(hrr_store_ctx(st), &l);
    hrr_i_free(hrr_store_ctx(st), jobs);
    return rc;
}
