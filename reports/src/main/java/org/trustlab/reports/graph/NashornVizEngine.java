package org.trustlab.reports.graph;

import guru.nidi.graphviz.engine.AbstractJavascriptEngine;
import guru.nidi.graphviz.engine.AbstractJsGraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.ResultHandler;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * graphviz-java's viz.js engine on the standalone Nashorn ({@code org.openjdk.nashorn:nashorn-core}), for machines
 * with a JDK and no {@code dot}.
 *
 * <p>Why not graphviz-java's own {@code GraphvizJdkEngine}: in 0.18.1 its Nashorn wrapper refuses to start on any
 * Java 15 or newer ("It does not include the Nashorn javascript engine any more") by looking at
 * {@code java.version}, before it looks for an engine, so it never uses nashorn-core even when it is on the class
 * path. This class is the same wrapper (result/error/log callbacks into a {@link ResultHandler}, the
 * nashorn-promise polyfill before viz.js) bound directly to nashorn-core's factory.
 *
 * <p>Cost, measured on this project's 2-core machine with JDK 17: the first graph takes 25–40 s (Nashorn compiles
 * viz.js, an emscripten build of Graphviz) and about 1.4 GB of memory at its peak; every later graph in the same
 * thread takes about 0.1 s. graphviz-java keeps the JavaScript state per thread, so {@link GraphRenderer} renders
 * on one dedicated thread.
 */
final class NashornVizEngine extends AbstractJsGraphvizEngine {
    NashornVizEngine() {
        super(true, NashornJs::new);
    }

    @Override
    protected void doInit() {
        // viz.js 2 uses Promises, which Nashorn (ECMAScript 5.1) lacks.
        engine().executeJavascript(promiseJsCode());
        super.doInit();
    }

    private static final class NashornJs extends AbstractJavascriptEngine {
        /** Optimistic typing doubles the compile time of viz.js for no gain on a run-once script. */
        private final ScriptEngine engine = new NashornScriptEngineFactory()
                .getScriptEngine("--optimistic-types=false");
        private final ScriptContext context = new SimpleScriptContext();
        private final ResultHandler handler = new ResultHandler();

        NashornJs() {
            context.getBindings(ScriptContext.ENGINE_SCOPE).put("handler", handler);
            eval("function result(r){ handler.setResult(r); }"
                    + "function error(r){ handler.setError(r); }"
                    + "function log(r){ handler.log(r); }");
        }

        @Override
        protected String execute(String js) {
            eval(js);
            return handler.waitFor();
        }

        private void eval(String js) {
            try {
                engine.eval(js, context);
            } catch (ScriptException e) {
                throw new GraphvizException("viz.js on Nashorn failed: " + e.getMessage(), e);
            }
        }
    }
}
