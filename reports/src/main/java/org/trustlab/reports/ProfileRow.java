package org.trustlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reports.input.RunLine;

/**
 * One row of the denial and disagreement table: a liveness-phase property of a protocol in one protocol profile
 * ({@code setup.profile}) of a campaign, with the runs of that profile, its violations, how many of them the source
 * design admits there (a FINDING, with its reason) and the verdict. The table is what a reviewer reads to see where
 * an attacker on the network can make honest parties give up or disagree, and where the hardened design stops it.
 */
public record ProfileRow(String protocol, String invariant, String profile, long runs, long judged,
        long violations, long admitted, Optional<String> reason) {

    /** Whether a property is one of the denial / disagreement properties judged after the liveness phase. */
    public static boolean isLivenessProperty(String invariant) {
        return invariant.endsWith(".no-denial") || invariant.endsWith(".no-disagreement");
    }

    /** VIOLATED, FINDING, holds, or vacuous when no run of the profile had anything to judge (never "holds"). */
    public String verdict() {
        return violations > admitted ? "VIOLATED" : violations > 0 ? "FINDING" : judged == 0 ? "vacuous" : "holds";
    }

    /** The rows of one campaign's property, one per profile its runs were drawn in, in profile order. */
    public static List<ProfileRow> of(String protocol, String invariant, List<RunLine> runs,
            Optional<String> reason) {
        TreeMap<String, long[]> byProfile = new TreeMap<>();
        for (RunLine r : runs) {
            long[] c = byProfile.computeIfAbsent(r.profile(), p -> new long[4]);
            c[0]++;
            if (!r.vacuous().contains(invariant)) {
                c[3]++;
            }
            if (r.violations().contains(invariant)) {
                c[1]++;
            }
            if (r.admitted().contains(invariant)) {
                c[2]++;
            }
        }
        List<ProfileRow> out = new ArrayList<>();
        byProfile.forEach((profile, c) -> out.add(new ProfileRow(protocol, invariant, profile, c[0], c[3], c[1], c[2],
                c[2] > 0 ? reason : Optional.empty())));
        return out;
    }
}
