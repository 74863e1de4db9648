# Reference values for the confirmatory factor analysis of Monitoring.Analysis (Measurement/).
#
# Run from this folder:   Rscript reference.R [path/to/responses.csv]
# Produced with R 4.2.2, lavaan 0.6-14 and semTools 0.5-6. Writes
#   holzinger.csv          lavaan's HolzingerSwineford1939 (school, x1..x9), the data the tests read
#   reference_values.csv   key,value with 17 significant digits
# Keys: <model>.<lhs><op><rhs>.g<group>.<est|se|std|stdse> for every row of parameterEstimates()
# and standardizedSolution(), and <model>.fit.<measure> for fitMeasures().
# The sample-study part reads the batch's researcher dataset responses.csv (recoded items; run
# `monitoring run --out /tmp/m-out` first; default path /tmp/m-out/datasets/responses.csv) and uses
# complete cases per scale (listwise), as the C# estimator does.

suppressMessages(library(lavaan))
options(warn = 1)
args <- commandArgs(trailingOnly = TRUE)
responses_path <- if (length(args) >= 1) args[1] else "/tmp/m-out/datasets/responses.csv"

# lavaan's nlminb stops at rel.tol 1e-10 of the fit function, which on the flat likelihood of a badly fitting
# model (bevlogenheid as one factor across waves) leaves estimates 1e-4 from the optimum (the configural
# model's group 3 then differs from the same model fitted to wave T2 alone). The references use lavaan's
# BFGS with a relative tolerance of 1e-12, which reaches the maximum-likelihood estimates.
cfa <- function(...) lavaan::cfa(..., optim.method = "BFGS", control = list(reltol = 1e-12, maxit = 10000))

values <- list()
put <- function(key, value) values[[key]] <<- value

record <- function(name, fit) {
  pe <- parameterEstimates(fit)
  ss <- standardizedSolution(fit)
  if (is.null(pe$group)) { pe$group <- 1; ss$group <- 1 }
  for (r in seq_len(nrow(pe))) {
    if (pe$op[r] %in% c("==", ":=")) next
    key <- paste0(name, ".", pe$lhs[r], pe$op[r], pe$rhs[r], ".g", pe$group[r])
    put(paste0(key, ".est"), pe$est[r])
    put(paste0(key, ".se"), pe$se[r])
    put(paste0(key, ".std"), ss$est.std[r])
    put(paste0(key, ".stdse"), ss$se[r])
  }
  fm <- fitMeasures(fit, c("chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "cfi", "tli",
                           "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "ntotal"))
  for (m in names(fm)) put(paste0(name, ".fit.", m), unname(fm[m]))
}

# ---- HolzingerSwineford1939: the three-factor model and invariance across school ----
hs <- HolzingerSwineford1939[, c("school", paste0("x", 1:9))]
write.csv(hs, "holzinger.csv", row.names = FALSE, quote = FALSE)
hs_model <- "visual =~ x1 + x2 + x3
             textual =~ x4 + x5 + x6
             speed =~ x7 + x8 + x9"
record("hs", cfa(hs_model, data = hs))
record("hs_configural", cfa(hs_model, data = hs, group = "school"))
record("hs_metric", cfa(hs_model, data = hs, group = "school", group.equal = "loadings"))
record("hs_scalar", cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts")))

# ---- The sample study: one factor per scale per wave, and invariance across waves ----
# Waves as independent groups (lavaan's group = "wave"); a respondent answering in two waves counts twice.
if (file.exists(responses_path)) {
  d <- read.csv(responses_path, stringsAsFactors = FALSE, check.names = FALSE)
  scales <- list(
    welbevinden = c("wb_01", "wb_02", "wb_03", "wb_04", "wb_05"),
    draagkracht = c("dk_01", "dk_02", "dk_03", "dk_04", "dk_05", "dk_06"),
    gedeeld_leiderschap = c("gl_01", "gl_02", "gl_03", "gl_04", "gl_05", "gl_06", "gl_07", "gl_08", "gl_09", "gl_10", "gl_11", "gl_12", "gl_13", "gl_14", "gl_15"),
    steun_leiding = c("gl_01", "gl_02", "gl_03", "gl_04", "gl_05"),
    participatie = c("gl_06", "gl_07", "gl_08", "gl_09", "gl_10"),
    collegialiteit = c("gl_11", "gl_12", "gl_13", "gl_14", "gl_15"),
    bevlogenheid = c("bv_01", "bv_02", "bv_03", "bv_04", "bv_05", "bv_06", "bv_07", "bv_08", "bv_09"),
    vitaliteit = c("bv_01", "bv_02", "bv_03"),
    toewijding = c("bv_04", "bv_05", "bv_06"),
    absorptie = c("bv_07", "bv_08", "bv_09")
  )
  for (s in names(scales)) {
    items <- scales[[s]]
    sd <- d[complete.cases(d[, items]), c("wave", items)]
    sd <- sd[order(sd$wave), ]   # groups in the study's wave order T0, T1, T2
    model <- paste0("f =~ ", paste(items, collapse = " + "))
    for (w in sort(unique(sd$wave))) {
      record(paste0("sample.", s, ".", w), cfa(model, data = sd[sd$wave == w, ]))
    }
    record(paste0("sample.", s, ".configural"), cfa(model, data = sd, group = "wave"))
    record(paste0("sample.", s, ".metric"), cfa(model, data = sd, group = "wave", group.equal = "loadings"))
    record(paste0("sample.", s, ".scalar"), cfa(model, data = sd, group = "wave", group.equal = c("loadings", "intercepts")))
  }
  # A scale with subscales: the correlated-factors model, per wave.
  subscale_models <- list(
    gedeeld_leiderschap = "steun_leiding =~ gl_01 + gl_02 + gl_03 + gl_04 + gl_05
participatie =~ gl_06 + gl_07 + gl_08 + gl_09 + gl_10
collegialiteit =~ gl_11 + gl_12 + gl_13 + gl_14 + gl_15",
    bevlogenheid = "vitaliteit =~ bv_01 + bv_02 + bv_03
toewijding =~ bv_04 + bv_05 + bv_06
absorptie =~ bv_07 + bv_08 + bv_09"
  )
  for (s in names(subscale_models)) {
    items <- scales[[s]]
    sd <- d[complete.cases(d[, items]), c("wave", items)]
    for (w in sort(unique(sd$wave))) {
      record(paste0("sample.", s, "_subscales.", w), cfa(subscale_models[[s]], data = sd[sd$wave == w, ]))
    }
  }
}

out <- data.frame(key = names(values), value = trimws(formatC(unlist(values), digits = 17, format = "g")))
write.csv(out, "reference_values.csv", row.names = FALSE, quote = FALSE)
