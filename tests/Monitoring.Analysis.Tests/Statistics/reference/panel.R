# Reference values for the panel change estimates of change.csv (docs/methods.md, "Change with the panel").
#
# Run from this folder:   Rscript panel.R
# Produced with R 4.2.2 (base R and lme4 1.1-31). Writes panel.csv (the responses the test feeds through the whole
# pipeline: school, wave, linkage code or empty, welbevinden score 1-5) and panel_values.csv (key,value, 17
# significant digits). The estimators are computed here from the raw scores, independently of the C# code:
#   - panel: the partially overlapping samples t (Derrick, Toher and White 2017, T_new2), written out from the
#     paper's formulas: means and SDs of all scores per wave, r of the pairs, Welch's df adjusted for the overlap;
#   - paired: t.test(paired = TRUE) and the d_z, d_av formulas (Lakens 2013);
#   - Hedges' g: Cohen's d with the pooled SD of all scores times the exact J(n1 + n2 - 2);
#   - for comparison only (not asserted): the random-intercept model lmer(score ~ wave + (1 | person)).
# A pair is one linkage code in one school with a score in both waves; code "p01" also answers in bredene in T1
# (a different school), which links nothing there.

options(warn = 1)
set.seed(20261204)

rows <- list()
add <- function(school, wave, code, score) rows[[length(rows) + 1]] <<- data.frame(school = school, wave = wave, code = code, score = score)
clamp <- function(x) pmin(5, pmax(1, round(x)))
person_scores <- function(n, shift) {
  p <- rnorm(n, sd = 0.9)
  list(t0 = clamp(3 + p + rnorm(n, sd = 0.5)), t1 = clamp(3 + shift + p + rnorm(n, sd = 0.5)))
}

# oostende-bs-01: 10 linked, 4 only at T0, 3 only at T1 (two of them without a code).
s <- person_scores(10, 0.5)
for (i in 1:10) { add("oostende-bs-01", "T0", sprintf("p%02d", i), s$t0[i]); add("oostende-bs-01", "T1", sprintf("p%02d", i), s$t1[i]) }
u <- person_scores(4, 0.5); for (i in 1:4) add("oostende-bs-01", "T0", sprintf("o%02d", i), u$t0[i])
u <- person_scores(3, 0.5); add("oostende-bs-01", "T1", "o91", u$t1[1]); add("oostende-bs-01", "T1", "", u$t1[2]); add("oostende-bs-01", "T1", "", u$t1[3])
# bredene-bs-01: 6 linked, 5 only at T0, 6 only at T1 (one of them code p01, linked in oostende).
s <- person_scores(6, 0.3)
for (i in 1:6) { add("bredene-bs-01", "T0", sprintf("b%02d", i), s$t0[i]); add("bredene-bs-01", "T1", sprintf("b%02d", i), s$t1[i]) }
u <- person_scores(5, 0.3); for (i in 1:5) add("bredene-bs-01", "T0", "", u$t0[i])
u <- person_scores(6, 0.3); add("bredene-bs-01", "T1", "p01", u$t1[1]); for (i in 2:6) add("bredene-bs-01", "T1", sprintf("c%02d", i), u$t1[i])
d <- do.call(rbind, rows)
write.csv(d, "panel.csv", row.names = FALSE, quote = FALSE)

out <- list()
put <- function(key, value) out[[key]] <<- unname(value)
hedges_j <- function(df) exp(lgamma(df / 2) - lgamma((df - 1) / 2) - 0.5 * log(df / 2))

estimate <- function(prefix, x) {
  a <- x[x$wave == "T0", ]; b <- x[x$wave == "T1", ]
  n1 <- nrow(a); n2 <- nrow(b)
  ka <- paste(a$school, a$code); kb <- paste(b$school, b$code)
  linked <- intersect(ka[a$code != ""], kb[b$code != ""])
  e <- a$score[match(linked, ka)]; l <- b$score[match(linked, kb)]
  nc <- length(linked); na <- n1 - nc; nb <- n2 - nc
  s1 <- sd(a$score); s2 <- sd(b$score); r <- cor(e, l)
  se <- sqrt(s1^2 / n1 + s2^2 / n2 - 2 * r * s1 * s2 * nc / (n1 * n2))
  welch <- (s1^2 / n1 + s2^2 / n2)^2 / ((s1^2 / n1)^2 / (n1 - 1) + (s2^2 / n2)^2 / (n2 - 1))
  df <- (nc - 1) + ((welch - nc + 1) / (na + nb + 2 * nc)) * (na + nb)
  diff <- mean(b$score) - mean(a$score)
  sp <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2) / (n1 + n2 - 2))
  put(paste0(prefix, ".n_pairs"), nc)
  put(paste0(prefix, ".difference"), diff)
  put(paste0(prefix, ".panel_se"), se)
  put(paste0(prefix, ".panel_df"), df)
  put(paste0(prefix, ".panel_lower"), diff - qt(0.975, df) * se)
  put(paste0(prefix, ".panel_upper"), diff + qt(0.975, df) * se)
  put(paste0(prefix, ".panel_hedges_g"), diff / sp * hedges_j(n1 + n2 - 2))
  tp <- t.test(l, e, paired = TRUE)
  put(paste0(prefix, ".paired_difference"), mean(l - e))
  put(paste0(prefix, ".paired_lower"), tp$conf.int[1])
  put(paste0(prefix, ".paired_upper"), tp$conf.int[2])
  put(paste0(prefix, ".paired_dz"), mean(l - e) / sd(l - e))
  put(paste0(prefix, ".paired_dav"), mean(l - e) / ((sd(e) + sd(l)) / 2))
  tw <- t.test(b$score, a$score)
  put(paste0(prefix, ".welch_lower"), tw$conf.int[1])
  put(paste0(prefix, ".welch_upper"), tw$conf.int[2])
  if (requireNamespace("lme4", quietly = TRUE)) {
    x$person <- ifelse(x$code == "", paste0("anon", seq_len(nrow(x))), paste(x$school, x$code))
    m <- lme4::lmer(score ~ wave + (1 | person), data = x, REML = TRUE)
    cat(prefix, ": lmer change", lme4::fixef(m)[2], "se", sqrt(vcov(m)[2, 2]), "| T_new2", diff, "se", se, "\n")
  }
}
estimate("oostende", d[d$school == "oostende-bs-01", ])
estimate("bredene", d[d$school == "bredene-bs-01", ])
estimate("network", d)

ref <- data.frame(key = names(out), value = sprintf("%.17g", unlist(out)))
write.csv(ref, "panel_values.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(ref), "reference values\n")
