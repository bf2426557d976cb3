package org.trustlab.properties.trust;

import java.util.Locale;

/** Virtual time as a reviewer reads it: milliseconds below a second, seconds below a minute, then clock time. */
public final class Times {
    private Times() {}

    public static String format(long nanos) {
        boolean negative = nanos < 0;
        long n = Math.abs(nanos);
        long millisTotal = n / 1_000_000;
        long micros = (n / 1_000) % 1_000;
        String s;
        if (n < 1_000_000_000L) {
            s = String.format(Locale.ROOT, "%d.%03d ms", millisTotal, micros);
        } else if (n < 60_000_000_000L) {
            s = String.format(Locale.ROOT, "%d.%03d s", millisTotal / 1000, millisTotal % 1000);
        } else {
            long totalSeconds = millisTotal / 1000;
            long days = totalSeconds / 86_400;
            long h = (totalSeconds / 3600) % 24;
            long m = (totalSeconds / 60) % 60;
            long sec = totalSeconds % 60;
            s = String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", h, m, sec, millisTotal % 1000);
            if (days > 0) {
                s = days + "d " + s;
            }
        }
        return negative ? "-" + s : s;
    }
}
