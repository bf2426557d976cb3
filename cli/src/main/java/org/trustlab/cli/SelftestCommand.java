package org.trustlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.trustlab.reference.crypto.kat.KatResult;
import org.trustlab.reference.crypto.kat.KnownAnswer;
import org.trustlab.reference.crypto.kat.KnownAnswers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trustlab selftest}: runs every published known-answer vector through the crypto core of this very jar
 * (the same list the unit tests run), one line per vector, ending with {@code N passed, M failed}.
 */
@Command(name = "selftest",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the crypto core against the published known-answer vectors.",
            "Runs RFC 8032 Ed25519, RFC 7748 X25519, RFC 5869 HKDF, RFC 8439 ChaCha20-Poly1305,",
            "RFC 4231 HMAC-SHA256, AES-256-GCM (GCM spec), FIPS 180-2 SHA-256 and Noise KK, NNpsk0 and XX",
            "(cacophony) vectors and prints one line per vector, then 'N passed, M failed'.",
            "Exit 0 when every vector passes, 1 otherwise."})
public final class SelftestCommand implements Callable<Integer> {
    private final Supplier<List<KnownAnswer>> vectors;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Also show the source and what each passing vector checked.")
    boolean verbose;

    public SelftestCommand() {
        this(KnownAnswers::all);
    }

    /** With another vector list: how the tests show a failing vector fails the command. */
    SelftestCommand(Supplier<List<KnownAnswer>> vectors) {
        this.vectors = vectors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        int failed = 0;
        for (KnownAnswer vector : vectors.get()) {
            KatResult result = vector.run();
            if (result.passed()) {
                passed++;
                out.println("PASS " + vector.name() + (verbose ? "  [" + vector.source() + "] " + result.detail() : ""));
            } else {
                failed++;
                out.println("FAIL " + vector.name() + "  [" + vector.source() + "] " + result.detail());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? TrustlabCommand.EXIT_OK : TrustlabCommand.EXIT_FAILED;
    }
}
