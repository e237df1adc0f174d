# Golden values for sequential monitoring (tests/estimate/monitor_test.cpp) from R
# strucchange's mefp() + monitor(), the reference: for each data set and each setting,
# the critical value, the boundary and |process| at every monitored observation, the
# alarm (strucchange's breakpoint) and the statistic.
#
#   Rscript tests/golden/make_monitor_golden.R tests/golden
#
# Writes monitor_inputs.csv (the regressions' data), monitor_cases.csv (one row per data
# set and setting) and monitor_steps.csv (one row per monitored observation). Debian:
# r-base-core, r-cran-strucchange. Run once; the output is committed.
suppressMessages(library(strucchange))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "tests/golden"

# Simulated returns: y = 0.0005 + beta x (+ gamma w) + noise, beta changing at `change`.
simulated <- function(seed, n, change = NA, after = 0.8, basket = FALSE) {
  set.seed(seed)
  x <- rnorm(n, 0, 0.01)
  w <- rnorm(n, 0, 0.008)
  beta <- rep(0.8, n)
  if (!is.na(change)) beta[change:n] <- after
  y <- 0.0005 + beta * x + (if (basket) 0.5 * w else 0) + rnorm(n, 0, 0.004)
  if (basket) data.frame(y = y, x = x, w = w) else data.frame(y = y, x = x)
}
# Real data: daily log returns of the DAX on the FTSE (R's EuStockMarkets, 1991-1998).
eu <- diff(log(EuStockMarkets))
sets <- list(
  sim_calm = list(data = simulated(11, 700), history = 200),
  sim_break = list(data = simulated(12, 700, change = 420, after = 0.2), history = 250),
  sim_late_break = list(data = simulated(13, 1500, change = 1200, after = 1.4), history = 300),
  sim_basket = list(data = simulated(14, 800, change = 500, after = 0.3, basket = TRUE), history = 240),
  dax_ftse = list(data = data.frame(y = as.numeric(eu[, "DAX"]), x = as.numeric(eu[, "FTSE"])),
                  history = 500),
  dax_ftse_short = list(data = data.frame(y = as.numeric(eu[1:900, "DAX"]),
                                          x = as.numeric(eu[1:900, "FTSE"])), history = 150)
)
# Three bandwidths, three periods and two levels for the windowed processes.
settings <- rbind(
  data.frame(type = "OLS-CUSUM", h = 1, period = 10, alpha = 0.05),
  data.frame(type = rep(c("OLS-MOSUM", "ME"), each = 3), h = c(0.5, 1, 0.25),
             period = c(2, 10, 6), alpha = c(0.05, 0.05, 0.01))
)

inputs <- NULL
cases <- NULL
steps <- NULL
case <- 0
for (name in names(sets)) {
  d <- sets[[name]]$data
  n <- sets[[name]]$history
  inputs <- rbind(inputs, data.frame(set = name, t = seq_len(nrow(d)), y = d$y, x = d$x,
                                     w = if (is.null(d$w)) NA else d$w))
  formula <- if (is.null(d$w)) y ~ x else y ~ x + w
  for (s in seq_len(nrow(settings))) {
    st <- settings[s, ]
    history <- d[1:n, ]
    m <- mefp(formula, type = st$type, data = history, h = st$h, alpha = st$alpha,
              period = st$period)
    m <- monitor(m, data = d, verbose = FALSE)
    process <- if (st$type == "ME") apply(abs(as.matrix(m$process)), 1, max) else abs(m$process)
    index <- (n + 1):nrow(d)
    stopifnot(length(process) == length(index))
    case <- case + 1
    cases <- rbind(cases, data.frame(
      case = case, set = name, process = st$type, h = st$h, period = st$period,
      alpha = st$alpha, history = n, critical_value = m$critval,
      alarm = if (is.na(m$breakpoint)) NA else m$breakpoint,
      statistic = if (st$type == "ME") max(m$statistic) else m$statistic))
    steps <- rbind(steps, data.frame(case = case, index = index, process = process,
                                     boundary = m$border(index)))
  }
}
# 17 significant digits: the inputs read back as the very doubles R used.
number <- function(v, digits) ifelse(is.na(v), "", sprintf(paste0("%.", digits, "g"), v))
writeLines(c("set,t,y,x,w", paste(inputs$set, inputs$t, number(inputs$y, 17), number(inputs$x, 17),
                                  number(inputs$w, 17), sep = ",")),
           file.path(out, "monitor_inputs.csv"))
writeLines(c("case,set,process,h,period,alpha,history,critical_value,alarm,statistic",
             paste(cases$case, cases$set, cases$process, cases$h, cases$period, cases$alpha,
                   cases$history, number(cases$critical_value, 17), number(cases$alarm, 17),
                   number(cases$statistic, 17), sep = ",")),
           file.path(out, "monitor_cases.csv"))
writeLines(c("case,index,process,boundary",
             paste(steps$case, steps$index, number(steps$process, 15), number(steps$boundary, 15),
                   sep = ",")),
           file.path(out, "monitor_steps.csv"))
