# pscl::ideal as ../shared/bench/pscl_ideal.R runs it, with its draws kept
# (every THIN-th) and each state's effective sample size computed as
# coda::effectiveSize does (n var(x) / S(0), S(0) from R's ar() with the
# order chosen by AIC: coda's spectrum0.ar), so that coda need not be
# installed. bench/gibbs runs it.
# usage: Rscript pscl_ess.R unga|hrc DATA_DIR OUT_CSV [ITERATIONS, 10000] [THIN, 10]
args <- commandArgs(TRUE); which <- args[1]; dd <- args[2]; out <- args[3]
iters <- if (length(args) >= 4) as.integer(args[4]) else 10000L
thin <- if (length(args) >= 5) as.integer(args[5]) else 10L
suppressMessages(library(pscl))
if (which == "unga") {
  v <- read.csv(file.path(dd, "unga/un_votes.csv"), stringsAsFactors = FALSE)
  v$y <- ifelse(v$vote == "yes", 1, ifelse(v$vote == "no", 0, 9))
  v <- v[!is.na(v$country_code) & v$country_code != "", ]
  m <- tapply(v$y, list(v$country_code, v$rcid), function(x) x[1])
} else {
  v <- read.csv(file.path(dd, "hrc/hrc_votes_long.csv"), stringsAsFactors = FALSE)
  v$y <- ifelse(v$vote == "yes", 1, ifelse(v$vote == "no", 0, 9))
  m <- tapply(v$y, list(v$country_iso3, v$symbol), function(x) x[1])
}
cat(which, "matrix", dim(m), "non-missing", sum(!is.na(m)), "\n")
rc <- rollcall(m, yea = 1, nay = 0, missing = 9, notInLegis = NA,
               legis.names = rownames(m), vote.names = colnames(m))
t0 <- proc.time()[["elapsed"]]
fit <- ideal(rc, d = 1, maxiter = iters, burnin = iters %/% 10, thin = thin, normalize = TRUE, verbose = FALSE)
t1 <- proc.time()[["elapsed"]]
cat(which, "pscl::ideal seconds", t1 - t0, "\n")
x <- fit$xbar[, 1]
X <- fit$x
if (length(dim(X)) == 3) X <- X[, , 1]
spec0 <- function(y) { a <- ar(y, aic = TRUE); a$var.pred / (1 - sum(a$ar))^2 }
ess <- apply(X, 2, function(y) if (sd(y) == 0) 0 else length(y) * var(y) / spec0(y))
cat(which, "draws", nrow(X), "ESS median", median(ess), "ESS/s", median(ess) / (t1 - t0), "\n")
write.csv(data.frame(state = names(x), ideal = x, ess = ess[names(x)]), out, row.names = FALSE)
saveRDS(X, paste0(out, ".draws.rds"))
