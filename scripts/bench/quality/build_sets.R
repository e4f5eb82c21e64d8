# Builds the R-packaged anomaly sets of scripts/bench.sh --quality into data/bench/ (run from the
# repository's top folder: Rscript scripts/bench/quality/build_sets.R). Needs Debian's
# r-cran-mlbench (MASS and datasets come with r-base). ODDS/ADBench manner: one class (or a group
# of rare classes) is the anomaly, label 1; where it is not rare it is down-sampled, with
# set.seed(42), to 10 % of the normal rows (at least 10). Features are numbers only: logical and
# two-level factors become 0/1, a missing vote 0.5; identifying columns are dropped.
suppressMessages({ library(mlbench); library(MASS) })

downsample <- function(features, anomalous, name) {
    set.seed(42)
    normal <- which(!anomalous)
    rare <- which(anomalous)
    keep <- max(10, round(0.1 * length(normal)))
    if (length(rare) > keep) rare <- sort(sample(rare, keep))
    rows <- sort(c(normal, rare))
    out <- features[rows, , drop = FALSE]
    out$label <- as.integer(anomalous[rows])
    write.csv(out, file.path("data/bench", paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
    cat(sprintf("%-14s %5d rows x %3d features, %3d anomalies\n", name, nrow(out), ncol(out) - 1, sum(out$label)))
}
as01 <- function(frame) as.data.frame(lapply(frame, function(x) as.numeric(as.character(x))))

data(Sonar)     # rocks normal, mines anomalous
downsample(Sonar[, 1:60], Sonar$Class == "M", "sonar")
data(Vehicle)   # bus, opel, saab normal; vans anomalous
downsample(Vehicle[, 1:18], Vehicle$Class == "van", "vehicle")
data(Vowel)     # ten vowels normal, "hid" anomalous; V1 (the speaker) dropped
downsample(Vowel[, 2:10], Vowel$Class == "hid", "vowel")
data(Zoo)       # reptiles and amphibians (9 animals) anomalous, the other five types normal
zoo <- as.data.frame(lapply(Zoo[, 1:16], as.numeric))
downsample(zoo, Zoo$type %in% c("reptile", "amphibian"), "zoo")
data(DNA)       # splice junctions: "ie" and "n" normal, exon/intron boundaries "ei" anomalous
downsample(as01(DNA[, 1:180]), DNA$Class == "ei", "dna")
data(HouseVotes84)  # democrats normal, republicans anomalous; y = 1, n = 0, missing = 0.5
votes <- as.data.frame(lapply(HouseVotes84[, 2:17], function(v) ifelse(is.na(v), 0.5, as.numeric(v == "y"))))
downsample(votes, HouseVotes84$Class == "republican", "housevotes")
data(BostonHousing) # the 16 tracts whose median value is censored at $50,000 anomalous; medv dropped
boston <- BostonHousing[, setdiff(names(BostonHousing), "medv")]
boston$chas <- as.numeric(as.character(boston$chas))
downsample(boston, BostonHousing$medv >= 50, "boston")
# iris (datasets): setosa and versicolor normal, virginica anomalous
downsample(iris[, 1:4], iris$Species == "virginica", "iris")
# crabs (MASS): blue crabs normal, orange anomalous; sex as 0/1 (M = 1), index dropped
crabs01 <- data.frame(sex = as.numeric(crabs$sex == "M"), crabs[, c("FL", "RW", "CL", "CW", "BD")])
downsample(crabs01, crabs$sp == "O", "crabs")
