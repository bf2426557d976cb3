package org.trustlab.simulator.world;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@link Instant#toString()} written by hand: every traced event at a node carries its local time, and the JDK's
 * DateTimeFormatter (a print context, a LocalDateTime, string builders) was a large share of recording a trace.
 * The text is exactly Instant.toString's, ISO-8601 in UTC with the fraction in groups of three digits and none when
 * the nanoseconds are zero; instants outside years 0000..9999, where the JDK adds signs, go to the JDK itself.
 * InstantTextTest holds the two equal.
 */
final class InstantText {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    static final long MIN_SECOND = -62_167_219_200L;
    static final long END_SECOND = 253_402_300_800L;

    private InstantText() {}

    static String format(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < MIN_SECOND || seconds >= END_SECOND) {
            return t.toString();
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);

        // Days to proleptic Gregorian year/month/day (H. Hinnant's civil_from_days), with March-based years.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        int dayOfEra = (int) (z - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);

        byte[] b = new byte[30];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, month, 2);
        b[7] = '-';
        digits(b, 8, day, 2);
        b[10] = 'T';
        digits(b, 11, secondOfDay / 3600, 2);
        b[13] = ':';
        digits(b, 14, secondOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secondOfDay % 60, 2);
        int p = 19;
        int nanos = t.getNano();
        if (nanos > 0) {
            b[p++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(b, p, nanos / 1_000_000, 3);
                p += 3;
            } else if (nanos % 1_000 == 0) {
                digits(b, p, nanos / 1_000, 6);
                p += 6;
            } else {
                digits(b, p, nanos, 9);
                p += 9;
            }
        }
        b[p++] = 'Z';
        return new String(b, 0, p, StandardCharsets.ISO_8859_1);
    }

    /** {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code b[at]}. */
    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
