# Checks load.R as a researcher runs it: Rscript check_load.R <datasets folder> <language> <table=rows,...>
# Prints "ok" and exits 0 when every check passes; otherwise prints every failed check and exits 1.
args <- commandArgs(trailingOnly = TRUE)
setwd(args[1])
language <- args[2]
expected_rows <- strsplit(strsplit(args[3], ",")[[1]], "=")
failures <- character()
check <- function(ok, what) if (!isTRUE(ok)) failures <<- c(failures, what)

source("load.R")
for (pair in expected_rows) {
  check(exists(pair[1]) && is.data.frame(get(pair[1])), paste("table", pair[1], "is loaded"))
  if (exists(pair[1])) check(nrow(get(pair[1])) == as.integer(pair[2]), paste0(pair[1], " has ", pair[2], " rows, not ", nrow(get(pair[1]))))
}

# Items: haven labelled integers whose labels are the answers in the run's language.
check(inherits(responses$wb_01, "haven_labelled"), "wb_01 is haven_labelled")
check(is.integer(unclass(responses$wb_01)), "wb_01 holds integers")
answer <- if (language == "en") "At no time" else "Nooit"
check(answer %in% names(attr(responses$wb_01, "labels")), paste("wb_01's labels include", answer))
check(answer %in% levels(haven::as_factor(responses$wb_01)), "haven::as_factor(wb_01) shows the answers")
check(nchar(attr(responses$wb_01, "label")) > 10, "wb_01 has its item text as label")
# Scores: numeric with a label.
check(is.double(responses$welbevinden) && !is.null(attr(responses$welbevinden, "label")), "welbevinden is numeric with a label")
# Ids: factors; waves and roles labelled in the run's language, in every table alike.
teacher <- if (language == "en") "Teacher" else "Leraar"
for (t in list(responses, panel_wide)) {
  check(is.factor(t$role) && teacher %in% levels(t$role), paste("role is a factor with level", teacher))
  check(is.factor(t$school) && is.factor(t$network) && is.factor(t$trajectory), "school, network and trajectory are factors")
}
wave <- if (language == "en") "T0 – autumn 2021" else "T0 – najaar 2021"
for (name in c("responses", "aggregates", "aggregates_wide", "school_panel", "reliability", "response_rates")) {
  t <- get(name)
  if ("wave" %in% names(t)) check(is.factor(t$wave) && wave %in% levels(t$wave), paste0(name, "$wave is a factor with level '", wave, "'"))
}
check(is.factor(change$from_wave) && wave %in% levels(change$from_wave), "change$from_wave is a labelled factor")
check(attr(responses$role, "label") == (if (language == "en") "Role" else "Functie"), "role's variable label is in the run's language")
# Timestamps and booleans.
check(inherits(responses$started, "POSIXct") && inherits(responses$submitted, "POSIXct"), "started and submitted are POSIXct")
check(!anyNA(responses$started), "every started parses")
check(attr(responses$started, "tzone") == "UTC", "timestamps are in UTC")
raw <- utils::read.csv("responses.csv", colClasses = "character", nrows = 1)
check(format(responses$started[1], "%Y-%m-%dT%H:%M:%S", tz = "UTC") ==
      format(as.POSIXct(sub("([+-][0-9]{2}):([0-9]{2})$", "\\1\\2", raw$started), format = "%Y-%m-%dT%H:%M:%S%z", tz = "UTC"), "%Y-%m-%dT%H:%M:%S", tz = "UTC"),
      "started equals the CSV's instant")
for (name in c("aggregates", "change", "response_rates", "aggregates_wide")) {
  t <- get(name)
  for (col in grep("suppressed", names(t), value = TRUE)) check(is.logical(t[[col]]), paste0(name, "$", col, " is logical"))
}
check(is.integer(aggregates$n) && is.double(aggregates$mean), "aggregates: n integer, mean numeric")
check(is.integer(cleaning_log$source_row), "cleaning_log$source_row is integer")

# write_sav -> read_sav and write_dta -> read_dta keep the labels.
sav <- tempfile(fileext = ".sav")
haven::write_sav(responses, sav)
back <- haven::read_sav(sav)
check(identical(attr(back$wb_01, "labels"), attr(responses$wb_01, "labels")) || all(attr(back$wb_01, "labels") == attr(responses$wb_01, "labels")), "write_sav keeps wb_01's value labels")
check(identical(names(attr(back$wb_01, "labels")), names(attr(responses$wb_01, "labels"))), "write_sav keeps wb_01's label texts")
check(attr(back$wb_01, "label") == attr(responses$wb_01, "label"), "write_sav keeps wb_01's variable label")
check(teacher %in% names(attr(back$role, "labels")), "write_sav keeps the role names")
check(inherits(back$started, "POSIXct"), "write_sav keeps started as a date-time")
dta <- tempfile(fileext = ".dta")
haven::write_dta(responses[, c("wave", "role", "wb_01", "welbevinden", "started")], dta)
back <- haven::read_dta(dta)
check(all(names(attr(responses$wb_01, "labels")) %in% names(attr(back$wb_01, "labels"))), "write_dta keeps wb_01's value labels")
check(teacher %in% names(attr(back$role, "labels")), "write_dta keeps the role names")

if (length(failures) > 0) {
  cat(paste("FAILED:", failures), sep = "\n")
  quit(status = 1)
}
cat("ok\n")
