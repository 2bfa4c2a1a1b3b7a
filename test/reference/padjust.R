# R's own p.adjust on the data of test/padjust.sql: the figures that
# test/reference/padjust.py checks its exact computations against.
#
# Run: Rscript test/reference/padjust.R > test/reference/padjust.R.out
#      (r-base-core; R 4.2.2 on Debian 12 made the stored output)
#
# Output: one line per value, "case method index value", values with 17
# significant digits (they read back to the same double); index is the
# position in the case's vector (1-based, NA p-values included).
options(digits = 17)
methods <- c(p.adjust.methods[p.adjust.methods != "fdr"], "fdr")
emit <- function(case, method, v) {
    for (k in seq_along(v))
        cat(sprintf("%s %s %d %s\n", case, method, k,
                    if (is.na(v[k])) "NA" else sprintf("%.17g", v[k])))
}

# 1. The example of ?p.adjust: 25 draws around 0 and 25 around 3.
set.seed(123)
x <- rnorm(50, mean = c(rep(0, 25), rep(3, 25)))
p <- 2 * pnorm(sort(-abs(x)))
emit("rdoc", "p", p)
for (m in methods) emit("rdoc", m, p.adjust(p, m))

# 2. Ties, p = 0, p = 1 and NULLs (NA) among 13 rows: n = 11.
ties <- c(0.01, 0, 0.04, 0.02, NA, 0.01, 1, 0.02, 0.5, NA, 0.02, 1, 0.03)
for (m in methods) emit("ties", m, p.adjust(ties, m))

# 3. One p-value: every method returns it.
for (m in methods) emit("one", m, p.adjust(0.3, m))

# 4. Two p-values: hommel is hochberg.
for (m in methods) emit("two", m, p.adjust(c(0.02, 0.04), m))

# 5. Hommel where it differs from hochberg: 5 p-values.
h5 <- c(0.011, 0.02, 0.03, 0.045, 0.09)
for (m in methods) emit("h5", m, p.adjust(h5, m))

# 6. Only NAs: nothing to adjust.
for (m in methods) emit("nulls", m, p.adjust(c(NA_real_, NA_real_), m))
