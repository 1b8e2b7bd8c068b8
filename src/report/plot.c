/*
 * plot.c - `--plot FILE.html`: a result as a standalone HTML page holding a
 * Vega-Lite spec, its data inline (the rows the --json form prints) and the
 * three vega libraries inlined from the dashboard's bundle (hrr_web_dir():
 * $HRR_WEB_DIR, else the build's, else the installed one; the same files the
 * dashboard serves), so the page opens anywhere
 * without a network.
 */
#include "report/jsonout.h"

#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#ifndef HRR_WEB_DIR
#define HRR_WEB_DIR "web"
#endif
#ifndef HRR_WEB_INSTALL_DIR
#define HRR_WEB_INSTALL_DIR "/usr/local/share/hrr/web"
#endif

const char *hrr_web_dir(void)
{
    const char *env = getenv("HRR_WEB_DIR");
    struct stat sb;
    if (env && *env) return env;
    if (stat(HRR_WEB_DIR "/static/vendor/vega.min.js", &sb) == 0) return HRR_WEB_DIR "/static";
    return HRR_WEB_INSTALL_DIR "/static";
}

static const char *const k_vendor[] = {"vega.min.js", "vega-lite.min.js", "vega-embed.min.js"};

/* The rows a report function prints as JSON, parsed back (NULL on failure). */
static json_t *rows_of(hrr_err_t (*render)(FILE *, hrr_out_fmt_t, const void *), const void *r)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!m) return NULL;
    hrr_err_t rc = render(m, HRR_OUT_JSON, r);
    json_t *v = NULL;
    if (fclose(m) == 0 && rc == HRR_OK) v = json_loadb(buf, n, 0, NULL);
    free(buf);
    return v;
}

/* Copy the vendor file NAME into F inside a <script>; false when missing. */
static bool inline_script(FILE *f, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/vendor/%s", dir, name);
    FILE *in = fopen(path, "rb");
    if (!in) return false;
    fputs("<script>", f);
    char b[65536];
    size_t k;
    while ((k = fread(b, 1, sizeof b, in)) > 0) fwrite(b, 1, k, f);
    fclose(in);
    fputs("</script>\n", f);
    return true;
}

/* Write the page: SPEC (owned, released here) gets DATA (owned) inline. */
static hrr_err_t write_page(const char *file, const char *dir, const char *title, json_t *spec,
                            json_t *data, const char **why)
{
    hrr_err_t rc = HRR_ENOMEM;
    char *js = NULL;
    FILE *f = NULL;
    if (!spec || !data) goto out;
    json_object_set_new(spec, "$schema", json_string("https://vega.github.io/schema/vega-lite/v5.json"));
    json_object_set_new(spec, "title", json_string(title));
    json_object_set_new(spec, "width", json_integer(800));
    json_object_set_new(spec, "data", json_pack("{s:O}", "values", data));
    js = json_dumps(spec, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ESCAPE_SLASH);
    if (!js) goto out;
    for (size_t i = 0; i < 3; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/vendor/%s", dir, k_vendor[i]);
        FILE *t = fopen(path, "rb");
        if (!t) { rc = HRR_EIO; *why = "the vega libraries are missing (build the hrr_web target)"; goto out; }
        fclose(t);
    }
    rc = HRR_EIO;
    *why = "cannot write the plot file";
    if (!(f = fopen(file, "w"))) goto out;
    fprintf(f, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<title>hrr</title>\n");
    for (size_t i = 0; i < 3; i++)
        if (!inline_script(f, dir, k_vendor[i])) goto out;
    fprintf(f, "</head>\n<body style=\"font-family: system-ui, sans-serif\">\n<div id=\"plot\"></div>\n"
               "<script>vegaEmbed('#plot', %s, {renderer: 'svg'});</script>\n</body>\n</html>\n", js);
    rc = ferror(f) ? HRR_EIO : HRR_OK;
    if (fclose(f) != 0) rc = HRR_EIO;
    f = NULL;
    if (rc == HRR_OK) *why = NULL;
out:
    if (f) fclose(f);
    free(js);
    json_decref(data);
    json_decref(spec);
    return rc;
}

static json_t *line_spec(const char *y, const char *ytitle, const char *color)
{
    return json_pack("{s:{s:s,s:b},s:{s:{s:s,s:s,s:{s:s}},s:{s:s,s:s,s:s},s:{s:s,s:s}}}",
                     "mark", "type", "line", "point", 1,
                     "encoding",
                     "x", "field", "year", "type", "quantitative", "axis", "format", "d",
                     "y", "field", y, "type", "quantitative", "title", ytitle,
                     "color", "field", color, "type", "nominal");
}

static hrr_err_t r_agree(FILE *f, hrr_out_fmt_t fmt, const void *r) { return hrr_report_agree(f, fmt, r); }
static hrr_err_t r_coh(FILE *f, hrr_out_fmt_t fmt, const void *r) { return hrr_report_cohesion(f, fmt, r); }
static hrr_err_t r_dyn(FILE *f, hrr_out_fmt_t fmt, const void *r) { return hrr_report_ideal_dyn(f, fmt, r); }

hrr_err_t hrr_report_plot_agree(const char *file, const char *with, const hrr_agree_t *r, const char **why)
{
    char title[128];
    snprintf(title, sizeof title, "Agreement with %s by year", with ? with : "");
    return write_page(file, hrr_web_dir(), title, line_spec("agree", "agreement", "b"), rows_of(r_agree, r), why);
}

hrr_err_t hrr_report_plot_cohesion(const char *file, const char *group, const hrr_cohesion_t *r,
                                   const char **why)
{
    char title[128];
    snprintf(title, sizeof title, "Cohesion of %s (Rice index) by year", group ? group : "");
    json_t *spec = line_spec("rice", "Rice index", "group");
    json_t *data = rows_of(r_coh, r);
    size_t i;
    json_t *row;
    json_array_foreach(data, i, row) json_object_set_new(row, "group", json_string(group ? group : ""));
    return write_page(file, hrr_web_dir(), title, spec, data, why);
}

hrr_err_t hrr_report_plot_ideal_dyn(const char *file, const hrr_ideal_dyn_t *r, const char **why)
{
    return write_page(file, hrr_web_dir(), "Ideal points by year (dimension 1)",
                      line_spec("dim1", "ideal point", "state"), rows_of(r_dyn, r), why);
}
