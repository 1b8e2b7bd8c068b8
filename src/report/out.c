/*
 * out.c - the three output forms of the subcommands (include/hrr/report.h). The table
 * measures cells in display columns (UTF-8 code points), so names such as
 * "Côte d'Ivoire" align; CSV quoting is libcsv's; JSON is jansson's, with
 * keys kept in the order the columns were declared.
 */
#include "jsonout.h"

#include <math.h>

#include <csv.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

bool hrr_out_want(hrr_out_fmt_t *fmt, hrr_out_fmt_t want)
{
    if (*fmt != HRR_OUT_TABLE && *fmt != want) return false;
    *fmt = want;
    return true;
}

/* Display width of UTF-8 text: code points, not bytes. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

static void csv_cell(FILE *f, const char *s)
{
    if (s && strpbrk(s, ",\"\r\n")) csv_fwrite(f, s, strlen(s));
    else if (s) fputs(s, f);
}

bool hrr_out_begin(hrr_out_t *o, hrr_out_fmt_t fmt, FILE *f, size_t ncols,
               const char *const *names)
{
    memset(o, 0, sizeof *o);
    o->fmt = fmt;
    o->f = f;
    o->ncols = ncols;
    o->names = calloc(ncols, sizeof *o->names);
    o->maxw = calloc(ncols, sizeof *o->maxw);
    o->text = calloc(ncols, sizeof *o->text);
    if (!o->names || !o->maxw || !o->text) {
        o->failed = true;
        return false;
    }
    for (size_t i = 0; i < ncols; i++)
        if (!(o->names[i] = strdup(names[i]))) o->failed = true;
    if (fmt == HRR_OUT_CSV) {
        for (size_t i = 0; i < ncols; i++) {
            if (i) fputc(',', f);
            csv_cell(f, names[i]);
        }
        fputs("\r\n", f);
    } else if (fmt == HRR_OUT_JSON) {
        fputc('[', f);
    }
    return !o->failed;
}

void hrr_out_maxwidth(hrr_out_t *o, size_t col, int w)
{
    if (col < o->ncols) o->maxw[col] = w;
}

/* The current row is complete: write it (CSV, JSON) or keep it (table). */
static void end_row(hrr_out_t *o)
{
    o->col = 0;
    if (o->fmt == HRR_OUT_CSV) {
        fputs("\r\n", o->f);
    } else if (o->fmt == HRR_OUT_JSON) {
        char *z = json_dumps(o->row, JSON_COMPACT);
        if (!z) o->failed = true;
        else fprintf(o->f, "%s\n  %s", o->nrows ? "," : "", z);
        free(z);
        json_decref(o->row);
        o->row = NULL;
    }
    o->nrows++;
}

/* Add one cell: its text form S (NULL: null), JSON value J (stolen). */
static void add(hrr_out_t *o, const char *s, json_t *j, bool is_text)
{
    size_t c = o->col;
    if (o->fmt == HRR_OUT_CSV) {
        if (c) fputc(',', o->f);
        csv_cell(o->f, s);
        json_decref(j);
    } else if (o->fmt == HRR_OUT_JSON) {
        if (!o->row && !(o->row = json_object())) o->failed = true;
        if (!j || !o->row || json_object_set_new(o->row, o->names[c], j))
            o->failed = true;
    } else {
        json_decref(j);
        if (o->ncells == o->cap) {
            size_t ncap = o->cap ? o->cap * 2 : 256;
            char **p = realloc(o->cells, ncap * sizeof *p);
            if (!p) {
                o->failed = true;
                goto next;
            }
            o->cells = p;
            o->cap = ncap;
        }
        char *z = NULL;
        if (s && !(z = strdup(s))) o->failed = true;
        for (char *q = z; q && *q; q++)
            if (*q == '\n' || *q == '\r' || *q == '\t') *q = ' ';
        o->cells[o->ncells++] = z;
        if (is_text && s) o->text[c] = true;
    }
next:
    if (++o->col == o->ncols) end_row(o);
}

json_t *hrr_i_jstr(const char *s)
{
    if (!s) return json_null();
    json_t *j = json_string(s);
    if (j) return j;
    /* not UTF-8 (possible from `hrr sql`): replace the bytes above ASCII */
    char *z = strdup(s);
    if (!z) return NULL;
    for (char *p = z; *p; p++)
        if ((unsigned char)*p >= 0x80) *p = '?';
    j = json_string(z);
    free(z);
    return j;
}

void hrr_out_text(hrr_out_t *o, const char *s)
{
    add(o, s, hrr_i_jstr(s), true);
}

void hrr_out_int(hrr_out_t *o, long long v)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    add(o, b, json_integer(v), false);
}

void hrr_out_count(hrr_out_t *o, long v)
{
    if (v < 0) hrr_out_null(o);
    else hrr_out_int(o, v);
}

void hrr_out_null(hrr_out_t *o)
{
    add(o, NULL, json_null(), false);
}

void hrr_out_sqlite(hrr_out_t *o, sqlite3_stmt *s, int i)
{
    char b[64];
    switch (sqlite3_column_type(s, i)) {
    case SQLITE_NULL: hrr_out_null(o); break;
    case SQLITE_INTEGER: hrr_out_int(o, (long long)sqlite3_column_int64(s, i)); break;
    case SQLITE_FLOAT: {
        double d = sqlite3_column_double(s, i);
        snprintf(b, sizeof b, "%.17g", d);
        add(o, b, json_real(d), false);
        break;
    }
    case SQLITE_BLOB: {
        /* blobs as hex text: the table, CSV and JSON can all carry it */
        const unsigned char *p = sqlite3_column_blob(s, i);
        int n = sqlite3_column_bytes(s, i);
        char *z = malloc(2 * (size_t)n + 1);
        if (!z) {
            o->failed = true;
            hrr_out_null(o);
            break;
        }
        for (int k = 0; k < n; k++) snprintf(z + 2 * k, 3, "%02x", p[k]);
        z[2 * n] = 0;
        hrr_out_text(o, z);
        free(z);
        break;
    }
    default: hrr_out_text(o, (const char *)sqlite3_column_text(s, i)); break;
    }
}

/* Print cell Z padded (or cut) to W display columns. */
static void put_cell(FILE *f, const char *z, int w, int maxw, bool right)
{
    int n = width(z);
    if (maxw && n > maxw) {
        /* keep maxw-1 code points, then an ellipsis */
        int k = 0;
        const char *p = z;
        for (; *p; p++) {
            if (((unsigned char)*p & 0xC0) != 0x80 && k++ == maxw - 1) break;
        }
        fwrite(z, 1, (size_t)(p - z), f);
        fputs("…", f);
        n = maxw;
    } else {
        if (right) fprintf(f, "%*s", w - n, "");
        fputs(z, f);
        if (right) return;
    }
    fprintf(f, "%*s", w - n, ""); /* put_line drops trailing blanks */
}

/* Write the line in BUF (LEN bytes) to F without trailing blanks. */
static void put_line(FILE *f, const char *buf, size_t len)
{
    while (len && buf[len - 1] == ' ') len--;
    fwrite(buf, 1, len, f);
    fputc('\n', f);
}

static void print_table(hrr_out_t *o)
{
    size_t nc = o->ncols, len = 0;
    char *buf = NULL;
    int *w = calloc(nc, sizeof *w);
    FILE *m = NULL;
    if (!w) goto fail;
    for (size_t c = 0; c < nc; c++) w[c] = width(o->names[c]);
    for (size_t i = 0; i < o->ncells; i++) {
        size_t c = i % nc;
        int n = o->cells[i] ? width(o->cells[i]) : 0;
        if (o->maxw[c] && n > o->maxw[c]) n = o->maxw[c];
        if (n > w[c]) w[c] = n;
    }
    /* line -2: the names, -1: the rules under them, then the rows */
    for (long r = -2; r < o->nrows; r++) {
        if (!(m = open_memstream(&buf, &len))) goto fail;
        fprintf(m, "%*s", o->indent, "");
        for (size_t c = 0; c < nc; c++) {
            if (c) fputs("  ", m);
            if (r == -2) {
                put_cell(m, o->names[c], w[c], 0, !o->text[c] && o->nrows);
            } else if (r == -1) {
                for (int k = 0; k < w[c]; k++) fputc('-', m);
            } else {
                const char *z = o->cells[(size_t)r * nc + c];
                put_cell(m, z ? z : "", w[c], o->maxw[c], !o->text[c]);
            }
        }
        int bad = fclose(m);
        m = NULL;
        if (bad) goto fail;
        put_line(o->f, buf, len);
        free(buf);
        buf = NULL;
    }
    free(w);
    return;
fail:
    if (m) fclose(m);
    free(buf);
    free(w);
    o->failed = true;
}

bool hrr_out_end(hrr_out_t *o)
{
    if (o->fmt == HRR_OUT_TABLE) print_table(o);
    else if (o->fmt == HRR_OUT_JSON) fputs(o->nrows ? "\n]\n" : "]\n", o->f);
    for (size_t i = 0; i < o->ncells; i++) free(o->cells[i]);
    for (size_t i = 0; o->names && i < o->ncols; i++) free(o->names[i]);
    free(o->cells);
    free(o->names);
    free(o->maxw);
    free(o->text);
    json_decref(o->row);
    bool ok = !o->failed && !ferror(o->f);
    memset(o, 0, sizeof *o);
    return ok;
}

json_t *hrr_i_jcount(long v)
{
    return v < 0 ? json_null() : json_integer(v);
}

json_t *hrr_i_jreal(double v)
{
    return isnan(v) || isinf(v) ? json_null() : json_real(v);
}

void hrr_out_real(hrr_out_t *o, double v, int digits)
{
    char b[64];
    if (isnan(v) || isinf(v)) {
        hrr_out_null(o);
        return;
    }
    snprintf(b, sizeof b, "%.*f", digits, v);
    add(o, b, json_real(v), false);
}

hrr_err_t hrr_i_out_json(FILE *f, json_t *v)
{
    if (!v) return HRR_ENOMEM;
    int rc = json_dumpf(v, f, JSON_INDENT(2));
    json_decref(v);
    fputc('\n', f);
    if (rc == 0 && !ferror(f)) return HRR_OK;
    return ferror(f) ? HRR_EIO : HRR_ENOMEM;
}

hrr_err_t hrr_i_out_result(hrr_out_t *o)
{
    FILE *f = o->f;
    if (hrr_out_end(o)) return HRR_OK;
    return f && ferror(f) ? HRR_EIO : HRR_ENOMEM;
}
