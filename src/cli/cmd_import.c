/*
 * cmd_import.c - `hrr import PATH...`: load files or folders, each format
 * detected (or given with --format), and say what was loaded from where.
 */
#include "args.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void progress(void *ud, const char *path, long rows, double frac)
{
    (void)ud;
    fprintf(stderr, "\r%s: %ld rows (%3.0f%%)\033[K", path, rows, 100.0 * frac);
}

static void help(void)
{
    printf("usage: hrr import [--format NAME] [--mapping MAP] [--body B] PATH...\n"
           "       hrr import --list-formats\n\n"
           "Load each PATH (a file, or a folder searched recursively) into the store.\n"
           "Each file loads whole or not at all; a file already loaded is skipped.\n"
           "  --format NAME   read every PATH as NAME instead of detecting it\n"
           "  --mapping MAP   for --format generic-csv: target=column,... (docs/import.md)\n"
           "  --body B        for generic-csv and stata: the body (HRC, CHR, GA...)\n"
           "  --quiet         print nothing on success\n");
}

typedef struct import_cli {
    hrr_import_opts_t io;
    int quiet, list;
} import_cli_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    import_cli_t *ic = ctx;
    switch (c) {
    case 'f': ic->io.format = arg; break;
    case 'm': ic->io.mapping = arg; break;
    case 'q': ic->quiet = 1; break;
    case 'l': ic->list = 1; break;
    }
    return 0;
}

/* What one PATH loaded, unless --quiet. FAILED: the import stopped at its
 * last file, which loaded nothing (the error follows on stderr). */
static void print_result(const hrr_import_result_t *res, bool failed)
{
    /* why files in a folder were left alone, by hrr_import_file_t.skipped */
    static const char *const why[] = {
        NULL, NULL, "not a format hrr reads", "not a regular file (FIFO, socket, device)",
        "unreadable", "met before through a link (same device and inode)"};
    for (size_t k = 0; k < res->nfiles; k++) {
        const hrr_import_file_t *f = &res->files[k];
        if (f->skipped >= 2) continue;
        if (failed && k + 1 == res->nfiles)
            printf("%-56s %-18s not imported (error below), store unchanged by it\n", f->path,
                   f->format);
        else if (f->skipped == 1)
            printf("%-56s %-18s already imported, unchanged\n", f->path, f->format);
        else printf("%-56s %-18s %9ld rows\n", f->path, f->format, f->rows);
    }
    /* files in a folder that hrr leaves alone (READMEs, licences, FIFOs):
     * one line per reason, so the loaded files stay readable */
    for (int r = 2; r < (int)(sizeof why / sizeof *why); r++) {
        size_t n = 0;
        for (size_t k = 0; k < res->nfiles; k++) n += res->files[k].skipped == r;
        if (!n) continue;
        printf("left alone, %s (%zu):", why[r], n);
        for (size_t k = 0; k < res->nfiles; k++)
            if (res->files[k].skipped == r) {
                const char *b = strrchr(res->files[k].path, '/');
                printf(" %s", r == 2 && b ? b + 1 : res->files[k].path);
            }
        printf("\n");
    }
}

int hrr_cmd_import(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'}, {"mapping", required_argument, 0, 'm'},
        {"list-formats", no_argument, 0, 'l'}, {"quiet", no_argument, 0, 'q'},
        {0, 0, 0, 0}};
    import_cli_t ic = {0};
    const hrr_args_spec_t spec = {.cmd = "import", .shared = ARG_BODY, .own = opts,
                                  .on_opt = on_opt, .ctx = &ic, .help = help, .maxpos = -1,
                                  .shorts = "f:m:b:q"};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (ic.list) {
        for (const char *const *f = hrr_import_formats(); *f; f++) printf("%s\n", *f);
        return 0;
    }
    ic.io.body = a.body;
    if (a.npos < 1) return hrr_cli_usage("import", "no PATH to import");
    if (isatty(2)) ic.io.progress = progress;
    hrr_store_t *st = hrr_cli_open(cli, true, &code);
    if (!st) return code;
    for (int i = 0; i < a.npos && !code; i++) {
        hrr_import_result_t res;
        hrr_err_t rc = hrr_import(st, a.pos[i], &ic.io, &res);
        if (ic.io.progress) fprintf(stderr, "\r\033[K");
        if (!ic.quiet) print_result(&res, rc != HRR_OK);
        if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else if (fflush(stdout) != 0 || ferror(stdout)) {
            /* the store holds the import: say so, so that nobody runs it
             * again in the belief that it failed */
            fprintf(stderr, "hrr: writing output: %s; the import of %s was committed"
                    " (hrr summary shows it)\n", strerror(errno), a.pos[i]);
            code = HRR_EXIT_IO;
        }
        hrr_import_result_destroy(&res);
    }
    hrr_store_close(st);
    return code;
}
