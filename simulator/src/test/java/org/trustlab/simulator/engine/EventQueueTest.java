package org.trustlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void equalTimesFireInInsertionOrder() {
        EventQueue<String> q = new EventQueue<>(2);
        q.add(5, "a");
        q.add(1, "b");
        q.add(5, "c");
        q.add(1, "d");
        q.add(5, "e");
        List<String> out = new ArrayList<>();
        while (!q.isEmpty()) {
            out.add(q.peekTime() + q.poll());
        }
        assertThat(out).containsExactly("1b", "1d", "5a", "5c", "5e");
    }

    /** Against a boxed PriorityQueue ordered by (time, seq) as the reference model, over interleaved operations. */
    @Test
    void agreesWithAReferencePriorityQueue() {
        agreesWithModel(new EventQueue<>(1));
    }

    /** Packed sequence numbers that run out every 97 additions: renumbering must not change any order. */
    @Test
    void renumberingKeepsTheOrder() {
        agreesWithModel(new EventQueue<>(1, 97));
    }

    private static void agreesWithModel(EventQueue<Integer> q) {
        record Entry(long time, long seq, int id) {}
        PriorityQueue<Entry> model = new PriorityQueue<>(Comparator.comparingLong(Entry::time)
                .thenComparingLong(Entry::seq));
        SeededRandomGenerator rng = new SeededRandomGenerator(1, "queue-test");
        long seq = 0;
        for (int i = 0; i < 20_000; i++) {
            if (model.isEmpty() || rng.nextInt(3) > 0) {
                long time = rng.nextInt(50);
                model.add(new Entry(time, seq, i));
                assertThat(q.add(time, i)).isEqualTo(seq);
                seq++;
            } else {
                Entry expected = model.poll();
                assertThat(q.peekTime()).isEqualTo(expected.time());
                assertThat(q.poll()).isEqualTo(expected.id());
            }
            assertThat(q.size()).isEqualTo(model.size());
        }
    }

    @Test
    void pollingAnEmptyQueueIsAnError() {
        EventQueue<String> q = new EventQueue<>();
        assertThatThrownBy(q::poll).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(q::peekTime).isInstanceOf(NoSuchElementException.class);
    }
}
