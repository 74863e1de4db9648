# Checks the .sav files that load.sps saved, read back by haven: Rscript check_sav.R <folder> <language> <table,...>
args <- commandArgs(trailingOnly = TRUE)
setwd(args[1])
language <- args[2]
failures <- character()
check <- function(ok, what) if (!isTRUE(ok)) failures <<- c(failures, what)
for (t in strsplit(args[3], ",")[[1]]) check(file.exists(paste0(t, ".sav")), paste0(t, ".sav was saved"))
r <- haven::read_sav("responses.sav")
answer <- if (language == "en") "At no time" else "Nooit"
teacher <- if (language == "en") "Teacher" else "Leraar"
check(answer %in% names(attr(r$wb_01, "labels")), "wb_01 has its answers as value labels")
check(nchar(attr(r$wb_01, "label")) > 10, "wb_01 has its item text as variable label")
check(teacher %in% names(attr(r$role, "labels")), "role has the role names as value labels")
check(any(grepl("^T0", names(attr(r$wave, "labels")))), "wave has the wave names as value labels")
check(inherits(r$started, "POSIXct") && !anyNA(r$started), "started is a date-time")
a <- haven::read_sav("aggregates.sav")
check(all(a$suppressed %in% c(0, 1)) && "true" %in% names(attr(a$suppressed, "labels")), "aggregates' suppressed is 0/1 with labels")
p <- haven::read_sav("panel_wide.sav")
check(teacher %in% names(attr(p$role, "labels")), "panel_wide's role has value labels")
if (length(failures) > 0) {
  cat(paste("FAILED:", failures), sep = "\n")
  quit(status = 1)
}
cat("ok\n")
