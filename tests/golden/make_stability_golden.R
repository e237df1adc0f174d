# Reference values of --stability from R's strucchange (Debian: r-base-core,
# r-cran-strucchange), written to tests/golden/stability.csv:
#
#   Rscript tests/golden/make_stability_golden.R
#
# R reads the price files itself (inner join on the date, rows without a price
# dropped, simple returns), so nothing of hedgecalc's pipeline is reused. For each
# case: Fstats(from = trim) with sctest(type = "supF") and its breakpoint, efp(type =
# "OLS-CUSUM") with sctest, and the Chow test at the first return on or after a date.
suppressMessages(library(strucchange))
options(warn = 1)

read_prices <- function(file, column) {
  d <- read.csv(file, check.names = FALSE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  price <- suppressWarnings(as.numeric(d[[column]]))
  keep <- !is.na(price)
  data.frame(date = substr(d[[1]], 1, 10)[keep], price = price[keep], stringsAsFactors = FALSE)
}

returns_of <- function(series) {
  joined <- Reduce(function(a, b) merge(a, b, by = "date"), series)
  joined <- joined[order(joined$date), ]
  prices <- as.matrix(joined[, -1, drop = FALSE])
  r <- prices[-1, , drop = FALSE] / prices[-nrow(prices), , drop = FALSE] - 1
  list(date = joined$date[-1], y = r[, 1], X = r[, -1, drop = FALSE])
}

cases <- list(
  list(name = "sample", files = list(c("data/token.csv", "price"), c("data/btc.csv", "Adj Close")),
       intercept = TRUE, trim = 0.15, break_at = "2024-01-01"),
  list(name = "sample_no_intercept",
       files = list(c("data/token.csv", "price"), c("data/btc.csv", "Adj Close")),
       intercept = FALSE, trim = 0.15, break_at = "2023-06-15"),
  list(name = "basket", files = list(c("data/acme.csv", "Adj Close"), c("data/index.csv", "Close"),
                                     c("data/btc.csv", "Adj Close")),
       intercept = TRUE, trim = 0.15, break_at = "2024-01-01"),
  list(name = "planted", files = list(c("tests/data/stability/planted_target.csv", "Close"),
                                      c("tests/data/stability/planted_proxy.csv", "Close")),
       intercept = TRUE, trim = 0.25, break_at = "2024-12-27"),
  list(name = "steady", files = list(c("tests/data/stability/steady_target.csv", "Close"),
                                     c("tests/data/stability/steady_proxy.csv", "Close")),
       intercept = TRUE, trim = 0.10, break_at = "2024-06-01")
)

rows <- list()
for (case in cases) {
  r <- returns_of(lapply(case$files, function(f) read_prices(f[1], f[2])))
  y <- r$y
  X <- r$X
  f <- if (case$intercept) y ~ X else y ~ X - 1
  fs <- Fstats(f, from = case$trim)
  sup <- sctest(fs, type = "supF")
  cusum <- sctest(efp(f, type = "OLS-CUSUM"))
  point <- sum(r$date < case$break_at)
  chow <- sctest(f, type = "Chow", point = point)
  rows[[case$name]] <- data.frame(
    case = case$name, n = length(y), supf = unname(sup$statistic), supf_p = sup$p.value,
    breakpoint = fs$breakpoint, cusum = unname(cusum$statistic), cusum_p = cusum$p.value,
    chow_point = point, chow_f = unname(chow$statistic), chow_p = chow$p.value)
}
out <- do.call(rbind, rows)
for (column in c("supf", "supf_p", "cusum", "cusum_p", "chow_f", "chow_p")) {
  out[[column]] <- sprintf("%.17g", out[[column]])
}
write.csv(out, "tests/golden/stability.csv", row.names = FALSE, quote = FALSE)
