package org.trustlab.properties.invariant;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Instants as traces write them ({@link Instant#toString()}: {@code 2025-01-01T00:00:00.010552494Z}), read the way
 * {@link Instant#parse} reads them. Checkers read several per event; the canonical form is read directly and
 * anything else goes to {@link Instant#parse}, so the result is the same for every input.
 */
public final class Instants {
    private Instants() {}

    /** {@code Instant.parse(text)}, or null when text is null or not an ISO instant. */
    public static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Instant fast = canonical(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Epoch milliseconds of an ISO instant; empty when text is null or not one. */
    public static Optional<Long> epochMillis(String text) {
        Instant parsed = parseOrNull(text);
        return parsed == null ? Optional.empty() : Optional.of(parsed.toEpochMilli());
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with fields in their ordinary ranges; null for anything else. */
    private static Instant canonical(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
