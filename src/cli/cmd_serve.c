/*
 * cmd_serve.c - `hrr serve`: the JSON API and the pages over HTTP, on the
 * store opened read-only (src/web/, docs/api.md).
 */
#include "args.h"
#include "web/serve.h"

static void help(void)
{
    printf("usage: hrr serve [--port P] [--bind ADDR] [--static DIR] [--threads N]\n\n"
           "Serve the JSON API (docs/api.md) and the pages over HTTP until SIGINT or\n"
           "SIGTERM. The store (--db) is opened read-only.\n"
           "  --port P     the TCP port, 1-65535 (default 8080)\n"
           "  --bind ADDR  the IPv4 address to listen on (default 127.0.0.1, loopback)\n"
           "  --static DIR the pages' folder (default %s: $HRR_WEB_DIR, else the\n"
           "               build's bundle, else the installed one)\n"
           "  --threads N  worker threads, 1-64 (default 4)\n",
           hrr_web_dir());
}

static int on_opt(void *ctx, int c, const char *arg)
{
    hrr_serve_opts_t *o = ctx;
    long v;
    char msg[256];
    int code;
    switch (c) {
    case 'p':
        if ((code = hrr_args_bad("serve", hrr_param_long("--port", arg, 1, 65535, &v, msg, sizeof msg), msg)))
            return code;
        o->port = (int)v;
        break;
    case 'n':
        if ((code = hrr_args_bad("serve", hrr_param_long("--threads", arg, 1, 64, &v, msg, sizeof msg), msg)))
            return code;
        o->threads = (unsigned)v;
        break;
    case 'B': o->bind = arg; break;
    case 's': o->static_dir = arg; break;
    }
    return 0;
}

int hrr_cmd_serve(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"port", required_argument, 0, 'p'},   {"bind", required_argument, 0, 'B'},
        {"static", required_argument, 0, 's'}, {"threads", required_argument, 0, 'n'},
        {0, 0, 0, 0}};
    hrr_serve_opts_t o = {0};
    const hrr_args_spec_t spec = {.cmd = "serve", .own = opts, .on_opt = on_opt, .ctx = &o,
                                  .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    o.db = cli->db;
    char msg[512];
    hrr_err_t rc = hrr_serve_run(&o, msg, sizeof msg);
    if (rc == HRR_EINVAL) return hrr_cli_usage("serve", "%s", msg);
    if (rc) return hrr_cli_fail(rc, "%s", msg);
    return 0;
}
