package org.trustlab.reference.crypto.noise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Node peer of the conformance test: starts {@code noise-peer.js} with the npm-installed noise-protocol on its
 * module path, accepts its connection on a loopback port, and sends it one command line per call.
 */
final class NodePeer implements AutoCloseable {
    /** Every wait is bounded, so a silent or crashed peer fails the test instead of hanging the build. */
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Process process;
    private final ServerSocket server;
    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    NodePeer(Path script, Path nodeModules) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
        ProcessBuilder builder = new ProcessBuilder("node", script.toString(), Integer.toString(server.getLocalPort()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.put("NODE_PATH", nodeModules.toString());
        process = builder.start();
        try {
            socket = server.accept();
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            process.destroyForcibly();
            server.close();
            throw new IOException("the Node peer did not connect within " + TIMEOUT_MILLIS + " ms", e);
        }
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
    }

    /** Sends one command and returns the peer's one-line reply. */
    String call(String command) throws IOException {
        out.write(command + "\n");
        out.flush();
        String reply = in.readLine();
        if (reply == null) {
            throw new IOException("the Node peer closed the connection after: " + command.split(" ")[0]);
        }
        return reply;
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
            server.close();
        } finally {
            process.destroy();
        }
    }
}
