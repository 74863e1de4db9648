# Reference values for the statistics kernels of Monitoring.Analysis.
#
# Run from this folder:   Rscript reference.R
# Produced with R 4.2.2 and psych 2.2.9. The script writes the small data sets
# the tests read (*.csv, "NA" = missing) and reference_values.csv (key,value with
# 17 significant digits). Data are generated with a fixed seed, and every value
# is a multiple of 1/8, so it is exact both as a double in R and as a float in C#.

suppressMessages(library(psych))
options(warn = 1)

set.seed(20240917)

write_data <- function(d, file) {
  write.csv(d, file, row.names = FALSE, na = "NA", quote = FALSE)
}

likert <- function(z) pmin(5, pmax(1, round(3 + z)))

# ---- Reliability data -------------------------------------------------------
# alpha_items.csv: 120 rows, 5 Likert items (1-5) on one factor. i4 was asked
# reverse-keyed and is stored recoded (6 - x), as the batch stores it. About 8%
# of answers are missing at random, and rows 7 and 55 are entirely missing, so
# pairwise and listwise estimates differ.
n <- 120
f <- rnorm(n)
items <- sapply(c(0.9, 0.8, 0.7, 0.6, 0.5), function(l) likert(l * f + rnorm(n, sd = 0.9)))
raw_i4 <- 6 - items[, 4]          # as answered on the reversed item
items[, 4] <- 6 - raw_i4           # recoded: min + max - x
colnames(items) <- paste0("i", 1:5)
items[matrix(runif(length(items)) < 0.08, nrow = n)] <- NA
items[c(7, 55), ] <- NA
write_data(items, "alpha_items.csv")

# alpha_negative.csv: 60 rows, 4 items, n3 is negatively keyed and NOT recoded,
# so it correlates negatively with the others; some answers missing.
n <- 60
f <- rnorm(n)
neg <- sapply(c(0.8, 0.7, -0.6, 0.5), function(l) likert(l * f + rnorm(n, sd = 0.8)))
colnames(neg) <- paste0("n", 1:4)
neg[matrix(runif(length(neg)) < 0.06, nrow = n)] <- NA
write_data(neg, "alpha_negative.csv")

# ---- Group data (descriptives, ICC, independent change) ----------------------
# groups.csv: 180 scores (multiples of 1/8) in 12 schools of unequal size
# (school 11 has one respondent), in waves 0 and 1; some scores missing.
sizes <- c(25, 18, 12, 9, 20, 14, 7, 16, 22, 11, 25, 1)
school <- rep(0:11, times = sizes)
u <- rnorm(12, sd = 0.35)
wave <- rbinom(length(school), 1, 0.5)
score <- round((3.2 + u[school + 1] + 0.25 * wave + rnorm(length(school), sd = 0.7)) * 8) / 8
score[runif(length(score)) < 0.05] <- NA
groups <- data.frame(school = school, wave = wave, score = score)
write_data(groups, "groups.csv")

# paired.csv: 50 linked respondents, scores at two waves; some missing at either.
n <- 50
person <- rnorm(n, sd = 0.6)
earlier <- round((3.1 + person + rnorm(n, sd = 0.4)) * 8) / 8
later <- round((3.3 + person + rnorm(n, sd = 0.4)) * 8) / 8
earlier[c(4, 17, 30)] <- NA
later[c(9, 30, 44)] <- NA
write_data(data.frame(earlier = earlier, later = later), "paired.csv")

# ---- Reference values -------------------------------------------------------
out <- list()
put <- function(key, value) out[[key]] <<- unname(value)

put_alpha <- function(prefix, x) {
  a <- psych::alpha(as.data.frame(x), warnings = FALSE)  # use = "pairwise", check.keys = FALSE
  put(paste0(prefix, ".raw_alpha"), a$total$raw_alpha)
  put(paste0(prefix, ".std_alpha"), a$total$std.alpha)
  put(paste0(prefix, ".average_r"), a$total$average_r)
  put(paste0(prefix, ".nsub"), nrow(x))
  put(paste0(prefix, ".n_any"), sum(rowSums(!is.na(x)) > 0))
  put(paste0(prefix, ".n_complete"), sum(complete.cases(x)))
  pn <- crossprod(!is.na(x))
  put(paste0(prefix, ".min_pairwise_n"), min(pn[upper.tri(pn)]))
  for (j in seq_len(ncol(x))) {
    put(paste0(prefix, ".item", j, ".n"), a$item.stats$n[j])
    put(paste0(prefix, ".item", j, ".r_drop"), a$item.stats$r.drop[j])
    if (ncol(x) > 2) put(paste0(prefix, ".item", j, ".alpha_drop"), a$alpha.drop$raw_alpha[j])
  }
}

put_alpha("alpha_pairwise", items)
put_alpha("alpha_listwise", na.omit(items))     # = only rows with every item answered
put_alpha("alpha_negative", neg)
put_alpha("alpha_two_items", items[, 1:2])

put_describe <- function(prefix, x, level) {
  x <- x[!is.na(x)]
  tt <- t.test(x, conf.level = level)
  put(paste0(prefix, ".n"), length(x))
  put(paste0(prefix, ".mean"), mean(x))
  put(paste0(prefix, ".sd"), sd(x))
  put(paste0(prefix, ".se"), sd(x) / sqrt(length(x)))
  put(paste0(prefix, ".lower"), tt$conf.int[1])
  put(paste0(prefix, ".upper"), tt$conf.int[2])
}
put_describe("describe_wave0_95", groups$score[groups$wave == 0], 0.95)
put_describe("describe_wave1_90", groups$score[groups$wave == 1], 0.90)

put_icc <- function(prefix, d) {
  d <- d[!is.na(d$score), ]
  fit <- aov(score ~ factor(school), data = d)
  tab <- summary(fit)[[1]]
  msb <- tab[1, "Mean Sq"]; msw <- tab[2, "Mean Sq"]
  nj <- table(d$school); N <- sum(nj); J <- length(nj)
  k0 <- (N - sum(nj^2) / N) / (J - 1)
  put(paste0(prefix, ".n"), N)
  put(paste0(prefix, ".groups"), J)
  put(paste0(prefix, ".df_between"), tab[1, "Df"])
  put(paste0(prefix, ".df_within"), tab[2, "Df"])
  put(paste0(prefix, ".msb"), msb)
  put(paste0(prefix, ".msw"), msw)
  put(paste0(prefix, ".k0"), k0)
  put(paste0(prefix, ".icc1"), (msb - msw) / (msb + (k0 - 1) * msw))
  put(paste0(prefix, ".icc2"), (msb - msw) / msb)
  # multilevel::ICC1 (Bliese) uses the mean group size N / J instead of k0:
  put(paste0(prefix, ".icc1_mean_group_size"), (msb - msw) / (msb + (N / J - 1) * msw))
}
put_icc("icc_all", groups)
put_icc("icc_wave0", groups[groups$wave == 0, ])

e <- groups$score[groups$wave == 0]; e <- e[!is.na(e)]
l <- groups$score[groups$wave == 1]; l <- l[!is.na(l)]
tt <- t.test(l, e, var.equal = FALSE, conf.level = 0.95)   # Welch, later - earlier
sp <- sqrt(((length(e) - 1) * var(e) + (length(l) - 1) * var(l)) / (length(e) + length(l) - 2))
cd <- psych::cohen.d(data.frame(score = c(e, l), wave = rep(0:1, c(length(e), length(l)))), "wave")
put("independent.n_earlier", length(e))
put("independent.n_later", length(l))
put("independent.difference", mean(l) - mean(e))
put("independent.se", tt$stderr)
put("independent.df", tt$parameter)
put("independent.lower", tt$conf.int[1])
put("independent.upper", tt$conf.int[2])
put("independent.cohens_d", (mean(l) - mean(e)) / sp)
# psych calls d with the (n1 + n2 - 2) pooled SD "hedges.g"; an independent check of the value above.
put("independent.psych_hedges_g", cd$hedges.g[1, "effect"])

p <- read.csv("paired.csv")
ok <- complete.cases(p)
tp <- t.test(p$later[ok], p$earlier[ok], paired = TRUE, conf.level = 0.95)
dif <- p$later[ok] - p$earlier[ok]
put("paired.n", sum(ok))
put("paired.earlier_mean", mean(p$earlier[ok]))
put("paired.later_mean", mean(p$later[ok]))
put("paired.difference", mean(dif))
put("paired.sd_difference", sd(dif))
put("paired.se", tp$stderr)
put("paired.df", tp$parameter)
put("paired.lower", tp$conf.int[1])
put("paired.upper", tp$conf.int[2])
put("paired.dz", mean(dif) / sd(dif))
put("paired.dav", mean(dif) / ((sd(p$earlier[ok]) + sd(p$later[ok])) / 2))

ref <- data.frame(key = names(out), value = sprintf("%.17g", unlist(out)))
write.csv(ref, "reference_values.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(ref), "reference values\n")
