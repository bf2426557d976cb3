package org.trustlab.reports.graph;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.Options;
import guru.nidi.graphviz.engine.Rasterizer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Draws trust graphs with the engine chosen once per report: Graphviz's {@code dot} through graphviz-java's
 * command-line engine when it is on the PATH, else the Eclipse Layout Kernel ({@link ElkLayout}); viz.js on Nashorn
 * ({@link NashornVizEngine}) only when asked for. If {@code dot} or viz.js fails, ELK draws the rest of the report's
 * graphs, and the report says so under every one of them.
 *
 * <p>The JavaScript engine is expensive to start (tens of seconds) and graphviz-java keeps its state per thread, so
 * it lives on one daemon thread for the whole JVM, shared by every report; {@link #warmUp} starts it early (the
 * campaign command calls it before its runs) so that its start overlaps useful work.
 */
public final class GraphRenderer {
    /** The first viz.js graph compiles Graphviz in Nashorn; on a loaded 2-core machine that has taken 40 s. */
    static final long FIRST_RENDER_TIMEOUT_SECONDS = 300;
    static final long RENDER_TIMEOUT_SECONDS = 60;

    private static final Object JS_LOCK = new Object();
    private static ExecutorService jsThread;
    private static NashornVizEngine jsEngine;
    private static volatile boolean jsReady;

    private final GraphEngine chosen;
    private final AtomicReference<GraphEngine> current;
    private final AtomicReference<String> fallbackReason = new AtomicReference<>("");
    private final Optional<Path> dot;
    private final UnaryOperator<String> dotLayout;
    private final UnaryOperator<String> jsLayout;
    private GraphvizCmdLineEngine dotEngine;

    private GraphRenderer(GraphEngine chosen, GraphEngine resolved, Optional<Path> dot) {
        this.chosen = chosen;
        this.current = new AtomicReference<>(resolved);
        this.dot = dot;
        this.dotLayout = this::renderDot;
        this.jsLayout = GraphRenderer::renderJs;
    }

    /** With other layouts (DOT source to SVG), so tests can make an engine fail and watch the fallback. */
    GraphRenderer(GraphEngine resolved, UnaryOperator<String> dotLayout, UnaryOperator<String> jsLayout) {
        this.chosen = resolved;
        this.current = new AtomicReference<>(resolved);
        this.dot = Optional.empty();
        this.dotLayout = dotLayout;
        this.jsLayout = jsLayout;
    }

    /** Resolves {@link GraphEngine#AUTO} by looking for {@code dot} on the PATH. */
    public static GraphRenderer create(GraphEngine choice) {
        return create(choice, findOnPath("dot"));
    }

    /** Resolves {@link GraphEngine#AUTO} with {@code dot} where a PATH lookup found it, or nowhere. */
    static GraphRenderer create(GraphEngine choice, Optional<Path> dot) {
        GraphEngine resolved = choice;
        if (choice == GraphEngine.AUTO) {
            resolved = dot.isPresent() ? GraphEngine.DOT : GraphEngine.ELK;
        } else if (choice == GraphEngine.DOT && dot.isEmpty()) {
            throw new IllegalArgumentException("graph engine dot was asked for but no dot executable is on the PATH");
        }
        return new GraphRenderer(choice, resolved, dot);
    }

    /**
     * Starts the engine {@code choice} resolves to in the background and returns at once: viz.js (tens of seconds),
     * or ELK, whose first layout loads and initialises about a thousand classes (ELK, EMF, Guava; 0.8 s on a busy
     * 2-core machine). {@code dot} needs no warming.
     */
    public static void warmUp(GraphEngine choice) {
        if (choice == GraphEngine.JS) {
            submitJs("digraph warmup { a -> b }");
        } else if (choice == GraphEngine.ELK || choice == GraphEngine.AUTO && findOnPath("dot").isEmpty()) {
            Thread t = new Thread(() -> ElkLayout.layout(new TrustGraph("warm-up", "warm-up", 0,
                    List.of(new TrustNode("a", "", false, List.of())), List.of(), "")), "trustlab-elk-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The engine drawing now: {@code dot}, ELK or viz.js, never {@link GraphEngine#AUTO}. */
    public GraphEngine current() {
        return current.get();
    }

    public GraphEngine chosen() {
        return chosen;
    }

    /** The engine drawing now, as the report names it. */
    public String engineDescription() {
        GraphEngine e = current.get();
        String reason = fallbackReason.get();
        String name = switch (e) {
            case DOT -> "Graphviz dot (" + dot.map(Path::toString).orElse("dot") + ") via graphviz-java";
            case JS -> "graphviz-java's viz.js (Graphviz compiled to JavaScript) on Nashorn";
            case ELK -> "Eclipse Layout Kernel (ELK Layered) in pure Java"
                    + (chosen == GraphEngine.AUTO && dot.isEmpty() ? ", as no dot is on the PATH" : "");
            case AUTO -> "auto";
        };
        return reason.isEmpty() ? name : name + " — " + reason;
    }

    public RenderedGraph render(TrustGraph graph) {
        String source = DotSource.of(graph);
        if (current.get() == GraphEngine.DOT) {
            try {
                return new RenderedGraph(dotLayout.apply(source), engineDescription());
            } catch (RuntimeException e) {
                fallBack("dot failed (" + oneLine(e) + "), fell back to ELK");
            }
        }
        if (current.get() == GraphEngine.JS) {
            try {
                return new RenderedGraph(jsLayout.apply(source), engineDescription());
            } catch (RuntimeException e) {
                fallBack("viz.js on Nashorn failed (" + oneLine(e) + "), fell back to ELK");
            }
        }
        return new RenderedGraph(TrustGraphSvg.svg(graph, ElkLayout.layout(graph)), engineDescription());
    }

    private void fallBack(String why) {
        current.set(GraphEngine.ELK);
        String before = fallbackReason.get();
        fallbackReason.set(before.isEmpty() ? why : before + "; " + why);
    }

    private synchronized String renderDot(String source) {
        if (dotEngine == null) {
            GraphvizCmdLineEngine engine = new GraphvizCmdLineEngine();
            AtomicReference<String> failed = new AtomicReference<>();
            engine.init(ok -> { }, bad -> failed.set("dot did not start"));
            if (failed.get() != null) {
                throw new IllegalStateException(failed.get());
            }
            dotEngine = engine;
        }
        try {
            return dotEngine.execute(source, Options.create().format(Format.SVG), Rasterizer.NONE).asString();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String renderJs(String source) {
        Future<String> f = submitJs(source);
        try {
            return f.get(jsReady ? RENDER_TIMEOUT_SECONDS : FIRST_RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while viz.js was drawing", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new IllegalStateException(c == null ? e.toString() : c.toString(), c);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IllegalStateException("no graph after " + (jsReady ? RENDER_TIMEOUT_SECONDS
                    : FIRST_RENDER_TIMEOUT_SECONDS) + " s", e);
        }
    }

    private static Future<String> submitJs(String source) {
        synchronized (JS_LOCK) {
            if (jsThread == null) {
                jsThread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "trustlab-viz.js");
                    t.setDaemon(true);
                    return t;
                });
            }
            return jsThread.submit(() -> {
                if (jsEngine == null) {
                    jsEngine = new NashornVizEngine();
                }
                String svg = jsEngine.execute(source, Options.create().format(Format.SVG), Rasterizer.NONE)
                        .asString();
                jsReady = true;
                return svg;
            });
        }
    }

    static Optional<Path> findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, executable);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = m.lines().findFirst().orElse(m);
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
