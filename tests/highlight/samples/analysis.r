# Mixed-effects model of reaction times
#' @param df a data frame
library(lme4)
library(ggplot2)

df <- read.csv("data/rt.csv", stringsAsFactors = FALSE)
df$log_rt <- log(df$rt)
df <- subset(df, !is.na(rt) & rt > 200L)

fit <- lmer(log_rt ~ condition * block + (1 | subject), data = df)
summary(fit)
ci <- confint(fit, method = "boot", nsim = 1000)

means <- aggregate(rt ~ condition, data = df, FUN = mean)
for (i in seq_len(nrow(means))) {
  if (means$rt[i] > 500) next else print(sprintf('%s: %.1f', means$condition[i], means$rt[i]))
}
x <- c(1, 2.5, -3e-2, .5, 0x1F, 1i, NA, NULL, TRUE, Inf, pi)
m %*% t(m); y %in% x; `my var` <- 3
f <- function(a, ...) { a[[1]] <- NA_real_; invisible(a) }
p <- ggplot(df, aes(x = block, y = rt, colour = condition)) +
  geom_point(alpha = 0.3) + stat_summary(fun = mean, geom = "line")
s <- "escaped \"quote\" and
multi-line"
.hidden <- 1; ..x <- 2; is.na(x); as.numeric("3")
