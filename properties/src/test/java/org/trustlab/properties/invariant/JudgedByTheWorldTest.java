package org.trustlab.properties.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "A check never trusts what it checks": no invariant or refinement reads a limit, a grant or a trust level from
 * the audit of the device it judges. Such values come from the world's facts ({@code FACT} events, read through
 * each protocol's world view). This scans the check sources for reads of the audit fields in which roles report
 * their own limits, grants and levels; the one sanctioned reader is the world view that rebuilds the grant store
 * from {@code grant-created} (what a manual join made), and trust-edge extractors, which draw graphs and judge
 * nothing.
 */
class JudgedByTheWorldTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "trustlab", "properties");
    /** Audit fields in which a role reports its own limits, its grant store, its trust in a peer or its profile. */
    private static final Pattern SELF_REPORTED = Pattern.compile("field\\(\\s*(\"(skew-tolerance|challenge-ttl"
            + "|grant-[a-z-]+|trusted-key-fingerprint|verifier-time|current-epoch)\"|MAX_AGE_MS|SKEW_TOLERANCE_MS"
            + "|TRUST_LEVEL|[A-Z_]+_MS|QUEUED_AT|EXPIRES_AT|PROFILE|\"profile\")\\s*\\)");

    /**
     * Audit fields in which a vouch role reports the profile it runs and the type of its pairings with the parties of
     * the step it audits. A refinement mapping reads them from the world ({@code profile} and {@code pairing} facts):
     * read from the step's audit they would let a device that runs the wrong profile, or holds a pairing it should
     * not, enable its own step in the model.
     */
    private static final Pattern STEP_REPORTED = Pattern.compile("field\\(\\s*(PROFILE|[A-Z_]*PAIRING_TYPE"
            + "|[A-Z_]*REGISTRY_TYPE|\"profile\"|\"[a-z-]*pairing-type\"|\"[a-z-]*registry-type\")\\s*\\)");

    /** The requester's own report of a signature it made (after its checks). */
    private static final Pattern REQUESTER_AUDIT = Pattern.compile("AutoJoinTrace\\.SIGNED\\b|\"challenge-signed\"");

    @Test
    void noCheckReadsALimitGrantOrTrustLevelFromTheJudgedDevicesAudit() throws IOException {
        List<String> reads = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith("World.java") || name.endsWith("TrustEdges.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = SELF_REPORTED.matcher(lines.get(i));
                    if (m.find()) {
                        reads.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(reads).as("checks reading a judged device's own report of its limits or grants").isEmpty();
    }

    /**
     * Agreement's running event is the requester's own request and the response it put on the wire, not the audit
     * ({@code challenge-signed}) it writes after its own checks: a requester whose checks are wrong would otherwise
     * vouch for itself. No autojoin invariant reads that audit.
     */
    @Test
    void noAutojoinInvariantReadsTheRequestersAuditOfWhatItSigned() throws IOException {
        Path invariants = SOURCES.resolve(Path.of("autojoin", "AutoJoinInvariants.java"));
        List<String> reads = new ArrayList<>();
        List<String> lines = Files.readAllLines(invariants);
        for (int i = 0; i < lines.size(); i++) {
            if (REQUESTER_AUDIT.matcher(lines.get(i)).find()) {
                reads.add(invariants + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
        }
        assertThat(lines).as("the scan reads the invariants").isNotEmpty();
        assertThat(reads).as("invariants reading the requester's challenge-signed audit").isEmpty();
        assertThat(REQUESTER_AUDIT.matcher("t.audits(AutoJoinTrace.SIGNED)").find()).isTrue();
        assertThat(REQUESTER_AUDIT.matcher("t.audits(\"challenge-signed\")").find()).isTrue();
        assertThat(REQUESTER_AUDIT.matcher("t.sentBy(d, AutoJoinTrace.RESPONSE)").find()).isFalse();
    }

    /**
     * No refinement mapping takes the profile or a pairing type from the audit of the step it maps: the model's
     * instance (which payload is signed, who is paired with whom at setup) comes from the world's facts. The one
     * pairing type read is that of a {@code pairing-stored} event (a pairing made during the run, which the
     * refinement reads as the registry's history), written {@code field(PAIRING_TYPE)}.
     */
    @Test
    void noRefinementReadsTheProfileOrASetUpPairingFromTheStepsAudit() throws IOException {
        List<String> reads = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.list(SOURCES.resolve("validation"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("Refinement.java")).sorted().toList()) {
                scanned++;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = STEP_REPORTED.matcher(lines.get(i));
                    while (m.find()) {
                        if (!m.group(1).equals("PAIRING_TYPE")) {
                            reads.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("refinement sources scanned").isGreaterThanOrEqualTo(2);
        assertThat(reads).as("refinements reading the profile or a pairing type from the step's audit").isEmpty();
    }

    @Test
    void theStepPatternFindsTheReadsItIsThereToForbid() {
        assertThat(STEP_REPORTED.matcher("steps.stream().map(e -> e.field(PROFILE))").find()).isTrue();
        assertThat(STEP_REPORTED.matcher("return current.field(VOUCHEE_PAIRING_TYPE);").find()).isTrue();
        assertThat(STEP_REPORTED.matcher("current.field(TARGET_PAIRING_TYPE) : null;").find()).isTrue();
        assertThat(STEP_REPORTED.matcher("current.field(VOUCHEE_REGISTRY_TYPE)").find()).isTrue();
        assertThat(STEP_REPORTED.matcher("e.field(\"voucher-pairing-type\")").find()).isTrue();
        assertThat(STEP_REPORTED.matcher("e.field(\"profile\")").find()).isTrue();
        assertThat(STEP_REPORTED.matcher("world.profile().map(p -> p.equals(hardened))").find()).isFalse();
        assertThat(STEP_REPORTED.matcher("e.field(SESSION_ID)").find()).isFalse();
    }

    @Test
    void thePatternFindsTheReadsItIsThereToForbid() {
        assertThat(SELF_REPORTED.matcher("long max = millis(a.field(MAX_AGE_MS), 0);").find()).isTrue();
        assertThat(SELF_REPORTED.matcher("Duration d = parse(a.field(\"skew-tolerance\"));").find()).isTrue();
        assertThat(SELF_REPORTED.matcher("a.field(\"grant-expires\")").find()).isTrue();
        assertThat(SELF_REPORTED.matcher("a.field(\"nonce\")").find()).isFalse();
        assertThat(SELF_REPORTED.matcher("e.field(PROFILE)").find()).isTrue();
    }
}
