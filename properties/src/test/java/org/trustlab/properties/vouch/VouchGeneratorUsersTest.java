package org.trustlab.properties.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.ScenarioGenerator;
import org.trustlab.reference.vouch.VouchAudit;

/**
 * Campaigns judge the protocol under its trust model, whose direct pairing rests on a user who compares the codes:
 * the vouch generator confirms pairings as such a user (no {@code code}: the simulator reads the new device's screen)
 * or as one who typed a wrong code, and never draws a careless user ({@code compare: false}).
 */
class VouchGeneratorUsersTest {

    @Test
    @SuppressWarnings("unchecked")
    void theGeneratorNeverDrawsAUserWhoConfirmsWithoutComparing() {
        ScenarioGenerator generator = Campaigns.find(VouchInvariants.PROTOCOL).orElseThrow().generator();
        List<Map<String, Object>> confirmations = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            Map<String, Object> scenario = (Map<String, Object>) generator.generate(seed, 30).value().get("scenario");
            for (Object a : (List<Object>) scenario.get("actions")) {
                Map<String, Object> action = (Map<String, Object>) a;
                if (VouchAudit.ACTION_PAIR_CONFIRM.equals(action.get("action"))) {
                    confirmations.add((Map<String, Object>) action.get("args"));
                }
            }
        }
        assertThat(confirmations).as("the generator confirms direct pairings").hasSizeGreaterThan(20);
        assertThat(confirmations).allSatisfy(args -> assertThat(args).doesNotContainKey(VouchAudit.ARG_COMPARE));
        // Both users it does draw: the one who compares (no code) and the one who typed a wrong code.
        assertThat(confirmations).anySatisfy(args -> assertThat(args).doesNotContainKey(VouchAudit.ARG_CODE));
        assertThat(confirmations).anySatisfy(args -> assertThat(args).containsKey(VouchAudit.ARG_CODE));
    }
}
