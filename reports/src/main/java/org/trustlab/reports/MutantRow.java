package org.trustlab.reports;

import java.util.List;

/** A mutant of a protocol, whether some invariant caught it, and which ones did. */
public record MutantRow(String protocol, String mutant, boolean killed, List<String> killedBy, String evidence) {
    public MutantRow {
        killedBy = List.copyOf(killedBy);
    }
}
