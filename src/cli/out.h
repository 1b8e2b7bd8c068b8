/*
 * out.h - TRANSITIONAL: what the subcommands not yet converted to args.h
 * and hrr/report.h still use. Goes when the last of them is converted.
 */
#ifndef HRR_CLI_OUT_H
#define HRR_CLI_OUT_H

#include "args.h"
#include "../report/jsonout.h"

#define out_done hrr_cli_done
int out_opt_error(const char *cmd, int c, int optopt_, char **argv, int optind_);

#endif
