package org.trustlab.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.trustlab.properties.campaign.CampaignProgress;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.CampaignWriter;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.Shard;

/**
 * Real campaign outputs for the report tests, made once per test JVM: an autojoin campaign against the
 * {@code autojoin.no-replay-cache} mutant (seed 7 has a counterexample within 30 runs), the same campaign as shards 0/2 and 1/2 (for
 * the merge tests), and a small campaign of the correct reference. Small run counts and shrink budgets keep the
 * module's tests to about a minute.
 */
final class Fixtures {
    static final String PROTOCOL = "autojoin";
    static final String MUTANT = "autojoin.no-replay-cache";
    static final int RUNS = 30;
    static final long SEED = 7;

    private static Path root;

    private Fixtures() {}

    static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("trustlab-reports-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
        }
        return root;
    }

    /** DIR of {@code trustlab campaign --protocol autojoin --mutant autojoin.no-replay-cache --runs 30 --seed 7}. */
    static synchronized Path mutantCampaign() {
        return campaign("mutant-whole", Optional.of(MUTANT), Shard.WHOLE);
    }

    static synchronized Path mutantShard(int index) {
        return campaign("mutant-shard-" + index, Optional.of(MUTANT), new Shard(index, 2));
    }

    static synchronized Path referenceCampaign() {
        return campaign("reference", Optional.empty(), Shard.WHOLE);
    }

    private static Path campaign(String name, Optional<String> mutant, Shard shard) {
        Path out = root().resolve(name);
        if (Files.isDirectory(out.resolve(PROTOCOL))) {
            return out;
        }
        CampaignSpec spec = new CampaignSpec(PROTOCOL, RUNS, SEED, mutant, shard, 2, false, 150, 1);
        CampaignResult result = Campaigns.runner(PROTOCOL, false).run(spec, new CampaignProgress() { });
        CampaignWriter.write(result, out);
        return out;
    }

    static void deleteRecursively(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
