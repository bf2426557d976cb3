package org.trustlab.reports.input;

/**
 * The run indices a result directory claims, as {@code summary.json} states them: {@code from}, {@code from +
 * stride}, ... below {@code to}. Shard {@code i/n} of an N-run campaign is {@code {from: i, to: N, stride: n}}; the
 * unsharded campaign is {@code {from: 0, to: N, stride: 1}}.
 */
public record RunIndices(long from, long to, long stride) {
    public RunIndices {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("need 0 <= from <= to, got from " + from + " to " + to);
        }
    }

    public boolean contains(long index) {
        return index >= from && index < to && (index - from) % stride == 0;
    }

    public long count() {
        return to <= from ? 0 : (to - 1 - from) / stride + 1;
    }

    @Override
    public String toString() {
        return stride == 1 ? from + ".." + (to - 1) : from + ".." + (to - 1) + " step " + stride;
    }
}
