package org.trustlab.reports.input;

import java.util.List;

/** One entry of the optional {@code mutants.json} a mutant sweep writes. */
public record MutantLine(String mutant, List<String> killedBy, boolean killed) {
    public MutantLine {
        killedBy = List.copyOf(killedBy);
    }
}
