package org.trustlab.reports;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.SimulatorBackend;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.reference.crypto.Hashes;
import org.trustlab.reports.input.FailureCase;
import org.trustlab.simulator.trace.Trace;

/**
 * Whether a failure file the report shows replays, checked by the report itself: a flag the campaign wrote into
 * violation.json says only that the file replayed when it was written, and a file edited afterwards would carry it
 * unchanged. The scenario's hash is compared with the one the campaign recorded ("edited since"), then the file is
 * replayed and the run must give the recorded trace and still violate the invariant.
 */
final class FailureReplay {
    record Verdict(boolean verified, String status) {}

    private FailureReplay() {}

    static Verdict check(String protocol, FailureCase f) {
        String sha = HexFormat.of().formatHex(Hashes.sha256(f.yaml().getBytes(StandardCharsets.UTF_8)));
        if (f.recordedScenarioSha256().isPresent() && !f.recordedScenarioSha256().get().equals(sha)) {
            return new Verdict(false, "NO: the scenario file was edited since the campaign (its SHA-256 is " + sha
                    + ", the campaign recorded " + f.recordedScenarioSha256().get() + "); not replayed");
        }
        Optional<TraceCheck> check = Campaigns.checks(protocol, true).stream()
                .filter(c -> c.id().equals(f.invariant())).findFirst();
        if (check.isEmpty()) {
            return new Verdict(false, "not checked: this build has no check named " + f.invariant());
        }
        Trace replayed;
        SimulatorBackend backend = new SimulatorBackend();
        try {
            replayed = backend.replay(f.yaml());
        } catch (RuntimeException e) {
            return new Verdict(false, "NO: replaying the file failed: " + e.getMessage());
        }
        if (f.recordedTraceSha256().isPresent() && !f.recordedTraceSha256().get().equals(replayed.sha256())) {
            return new Verdict(false, "NO: replayed by this report, the file gives trace " + replayed.sha256()
                    + ", not the " + f.recordedTraceSha256().get() + " the campaign recorded (edited since the "
                    + "campaign, or a different build)");
        }
        if (check.get().judge(replayed, () -> backend.replayTwin(f.yaml())).violations().isEmpty()) {
            return new Verdict(false, "NO: replayed by this report, the run no longer violates " + f.invariant());
        }
        return new Verdict(true, "yes: replayed by this report, it violates " + f.invariant() + (f
                .recordedTraceSha256().isPresent() ? " with the trace SHA-256 the campaign recorded" : ""));
    }
}
