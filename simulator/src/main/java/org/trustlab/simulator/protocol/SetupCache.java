package org.trustlab.simulator.protocol;

import java.util.Objects;
import java.util.function.Function;

/**
 * A binding's parsed {@code setup:}, kept for the next role of the same scenario. Bindings create one role per
 * device, and a loaded scenario has its roles created twice (by the loader, so that a bad device config is reported
 * at its line, then by the run), so a binding that parsed its setup per role derived every identity, fingerprint and
 * pairing secret of a four-device scenario eight times: in campaigns that was a tenth of all the time.
 *
 * <p>One entry per thread, compared by value: a campaign worker loads and runs one scenario at a time, so every role
 * of that scenario hits the entry, and a parsed setup (which may memoise derived values in plain maps) is never seen
 * by two threads. What a parsed setup hands to roles must be immutable or copied, as role configs already copy.
 */
public final class SetupCache<T> {
    private record Entry<T>(BindingContext context, T setup) {}

    private final Function<BindingContext, T> parse;
    private final ThreadLocal<Entry<T>> last = new ThreadLocal<>();

    public SetupCache(Function<BindingContext, T> parse) {
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    /** The setup of {@code ctx}, parsed now unless this thread's last context was equal. A bad setup is not kept. */
    public T of(BindingContext ctx) {
        Entry<T> e = last.get();
        if (e != null && e.context().equals(ctx)) {
            return e.setup();
        }
        T setup = parse.apply(ctx);
        last.set(new Entry<>(ctx, setup));
        return setup;
    }
}
