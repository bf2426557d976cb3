package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void parsesAndRejectsWithAMessage() {
        assertThat(Shard.parse("1/3")).isEqualTo(new Shard(1, 3));
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> Shard.parse("0/0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Shard.parse("x")).hasMessageContaining("i/n");
        assertThatThrownBy(() -> Shard.parse("-1/2")).hasMessageContaining("0..1");
    }

    @Test
    void shardsPartitionTheRunIndices() {
        for (int runs : new int[] {1, 2, 7, 10}) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Shard s = new Shard(i, 3);
                for (int k = 0; k < s.size(runs); k++) {
                    assertThat(s.contains(s.runIndex(k))).isTrue();
                    all.add(s.runIndex(k));
                }
            }
            all.sort(null);
            assertThat(all).hasSize(runs).doesNotHaveDuplicates().allMatch(x -> x < runs);
        }
    }

    @Test
    void runSeedsDependOnlyOnMasterSeedAndIndex() {
        assertThat(RunSeeds.runSeed(1, 5)).isEqualTo(RunSeeds.runSeed(1, 5)).isNotEqualTo(RunSeeds.runSeed(1, 6))
                .isNotEqualTo(RunSeeds.runSeed(2, 5)).isNotNegative();
    }
}
