package org.trustlab.properties.campaign;

import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The exact (Clopper–Pearson) one-sided 95% upper confidence bound on a violation rate after {@code x}
 * violations in {@code n} runs: the 0.95 quantile of Beta(x + 1, n − x). One-sided because a reviewer asks "how
 * bad could it be", never "how good"; for x = 0 it is exactly 1 − 0.05^(1/n) (the "rule of three" region:
 * 0 in 10000 gives 3.0e-4).
 */
public final class ClopperPearson {
    public static final double CONFIDENCE = 0.95;

    private ClopperPearson() {}

    public static double upper95(long violations, long runs) {
        if (runs <= 0) {
            throw new IllegalArgumentException("runs must be positive: " + runs);
        }
        if (violations < 0 || violations > runs) {
            throw new IllegalArgumentException("violations must be in [0, runs]: " + violations);
        }
        if (violations == runs) {
            return 1.0;
        }
        if (violations == 0) {
            // Closed form; the Beta quantile agrees but this avoids its numerical solver at the common case.
            return 1.0 - Math.pow(1.0 - CONFIDENCE, 1.0 / runs);
        }
        return new BetaDistribution(null, violations + 1.0, (double) (runs - violations))
                .inverseCumulativeProbability(CONFIDENCE);
    }

    /** Two significant digits in the {@code 3.0e-4} style of the summary line (no zero-padded exponent). */
    public static String format(double rate) {
        if (rate == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.1e", rate);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** {@code 0 violations in 10000 runs (rate < 3.0e-4 at 95%)}. */
    public static String sentence(long violations, long runs) {
        return violations + (violations == 1 ? " violation" : " violations") + " in " + runs
                + (runs == 1 ? " run" : " runs") + " (rate < " + format(upper95(violations, runs)) + " at 95%)";
    }
}
