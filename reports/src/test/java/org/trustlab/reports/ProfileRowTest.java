package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.reports.input.RunLine;

/** The per-profile rows of a denial property: judged runs counted, and a profile with none is vacuous, not holds. */
class ProfileRowTest {
    private static final String ID = "autojoin.no-denial";

    private static RunLine run(long i, String profile, boolean judged, boolean violated, boolean admitted) {
        return new RunLine(i, i, 10, "sha" + i, violated ? List.of(ID) : List.of(), "lan", 0, 0, 1, 1, List.of(),
                profile, admitted ? List.of(ID) : List.of(), judged ? List.of() : List.of(ID));
    }

    @Test
    void eachProfileIsJudgedByItsOwnRuns() {
        List<ProfileRow> rows = ProfileRow.of("autojoin", ID, List.of(
                run(0, "bytesync", true, true, true), run(1, "bytesync", false, false, false),
                run(2, "ed25519", true, false, false), run(3, "ed25519", false, false, false),
                run(4, "hardened", false, false, false), run(5, "hardened", false, false, false),
                run(6, "mutant", true, true, false)), Optional.of("why"));
        assertThat(rows).extracting(ProfileRow::profile, ProfileRow::runs, ProfileRow::judged, ProfileRow::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bytesync", 2L, 1L, "FINDING"),
                        org.assertj.core.groups.Tuple.tuple("ed25519", 2L, 1L, "holds"),
                        org.assertj.core.groups.Tuple.tuple("hardened", 2L, 0L, "vacuous"),
                        org.assertj.core.groups.Tuple.tuple("mutant", 1L, 1L, "VIOLATED"));
        assertThat(rows.get(0).reason()).contains("why");
        assertThat(rows.get(1).reason()).isEmpty();
    }
}
