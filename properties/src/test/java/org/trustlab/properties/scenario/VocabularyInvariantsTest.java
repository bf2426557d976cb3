package org.trustlab.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;

/**
 * The invariant ids each binding's vocabulary lets a scenario name are exactly the checks a campaign of that
 * protocol runs (the catalogue's invariants, roles-never-throw, the trace checks against the model). The simulator
 * cannot see the catalogue, so it holds the ids as strings; this keeps them from drifting: a new invariant nobody
 * could name, or a name that checks nothing, fails here.
 */
class VocabularyInvariantsTest {
    @Test
    void everyBindingNamesExactlyItsProtocolsChecks() {
        for (String protocol : ProtocolBindings.standard().names()) {
            ProtocolBinding<?> binding = ProtocolBindings.lookup(protocol).orElseThrow();
            TreeSet<String> catalogue = new TreeSet<>();
            // what a campaign checks, and so what a shrunk failure file may name
            Campaigns.checks(protocol, true).forEach(c -> catalogue.add(c.id()));
            assertThat(binding.vocabulary().invariants()).as(protocol).containsExactlyElementsOf(catalogue);
        }
    }
}
