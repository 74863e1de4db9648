# Reference values for the reliability of the whole sample (BatchJobTests).
#
# Independent of the C# code: psych::alpha() with its defaults (use = "pairwise",
# check.keys = FALSE) per scale and wave, on the kept, recoded items that the
# batch writes to datasets/responses.csv (docs/methods.md, "Reliability").
# The batch is deterministic, so its responses.csv is the same on every run.
#
# Reproduce (from the repository root; R 4.2.2, psych 2.2.9):
#   dotnet run --project analysis/Monitoring.Cli -- run --quiet --out /tmp/sample-out
#   Rscript tests/Monitoring.Batch.Tests/reference/sample_reliability.R \
#     /tmp/sample-out/datasets/responses.csv tests/Monitoring.Batch.Tests/reference/sample_reliability.csv
#
# Output: key,value with 17 significant digits. Keys:
#   {scale}.{wave}.n | .k | .raw_alpha | .std_alpha | .average_r
#   {scale}.{wave}.{item}.n | .alpha_if_deleted | .r_drop

suppressMessages(library(psych))
options(warn = 1)

args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else "responses.csv"
output <- if (length(args) >= 2) args[2] else "sample_reliability.csv"

d <- read.csv(input, stringsAsFactors = FALSE, na.strings = "")

# The scales of the sample study (data-samples/study/instruments/*.json), written out here
# rather than read from the definition, so that this script shares no code with the batch.
scales <- list(
  welbevinden = sprintf("wb_%02d", 1:5),
  draagkracht = sprintf("dk_%02d", 1:6),
  gedeeld_leiderschap = sprintf("gl_%02d", 1:15),
  steun_leiding = sprintf("gl_%02d", 1:5),
  participatie = sprintf("gl_%02d", 6:10),
  collegialiteit = sprintf("gl_%02d", 11:15),
  bevlogenheid = sprintf("bv_%02d", 1:9),
  vitaliteit = sprintf("bv_%02d", 1:3),
  toewijding = sprintf("bv_%02d", 4:6),
  absorptie = sprintf("bv_%02d", 7:9)
)
waves <- c("T0", "T1", "T2")

keys <- character(0)
values <- numeric(0)
put <- function(key, value) {
  keys <<- c(keys, key)
  values <<- c(values, value)
}

for (scale in names(scales)) {
  for (wave in waves) {
    x <- d[d$wave == wave, scales[[scale]]]
    # Responses that answered at least one item (psych's own count also includes empty rows).
    x <- x[rowSums(!is.na(x)) > 0, ]
    a <- alpha(x)
    prefix <- paste(scale, wave, sep = ".")
    put(paste0(prefix, ".n"), nrow(x))
    put(paste0(prefix, ".k"), ncol(x))
    put(paste0(prefix, ".raw_alpha"), a$total$raw_alpha)
    put(paste0(prefix, ".std_alpha"), a$total$std.alpha)
    put(paste0(prefix, ".average_r"), a$total$average_r)
    for (item in scales[[scale]]) {
      put(paste(prefix, item, "n", sep = "."), a$item.stats[item, "n"])
      put(paste(prefix, item, "alpha_if_deleted", sep = "."), a$alpha.drop[item, "raw_alpha"])
      put(paste(prefix, item, "r_drop", sep = "."), a$item.stats[item, "r.drop"])
    }
  }
}

write.csv(data.frame(key = keys, value = sprintf("%.17g", values)),
          output, row.names = FALSE, quote = FALSE)
cat(sprintf("Wrote %d values to %s\n", length(keys), output))
