package org.trustlab.reports.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.simulator.protocol.LowEntropySecret;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Keeps secrets out of reports. It learns the secret values of the inputs (values under secret-named keys in
 * scenario files and trace fields: passwords, pairing codes, AUTH tokens, PSKs, registration secrets, session and
 * private keys) and replaces every occurrence of them, anywhere in the report's text.
 *
 * <p>A low-entropy secret (a password, passphrase, PIN or pairing code) is shown only by its kind and length,
 * {@code [password, 13 characters]}: any hash of it, salted or not, is recovered by trying a dictionary, and
 * reports are pasted into issues. A key is shown by the one fingerprint the CLI and the trace use for it
 * ({@link Bytes#fingerprint}, the first 8 bytes of SHA-256 of the key's bytes), so a reviewer can match the report
 * against them: a value that already is such a fingerprint (the trace records keys that way) is left as it is, a
 * key given as hex is fingerprinted over its bytes. Other high-entropy secrets (tokens) become {@code [fp:…]}.
 *
 * <p>Replacement is by value, not only by key, because a secret also leaks through free text: a violation message
 * quoting the password, or a scenario name. Values shorter than {@link #MIN_LENGTH} are not replaced by value (that
 * would rewrite ordinary words and numbers); they are still hidden where they sit under a secret-named key.
 */
public final class Redactor {
    public static final int MIN_LENGTH = 4;

    /** The rule above in one sentence, for the reports' readers. */
    public static final String POLICY = "Passwords, PINs and pairing codes appear only by their length, never hashed;"
            + " keys appear by the fingerprint the CLI and the trace use (first 8 bytes of the SHA-256 of the key);"
            + " other secrets (AUTH tokens, PSKs, registration secrets) as [fp:…].";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "secret", "psk",
            "token", "pin", "otp", "auth", "privatekey", "sessionkey", "aeskey", "masterkey");
    private static final Set<String> KEY_QUALIFIERS = Set.of("session", "private", "aes", "shared", "master",
            "proxied", "send", "receive", "symmetric", "group");
    /** Secrets a person chooses or reads off a screen: guessable, so never shown hashed. */
    private static final Map<String, String> LOW_ENTROPY_WORDS = Map.of("password", "password", "passwd",
            "password", "passphrase", "passphrase", "pin", "PIN", "otp", "one-time code");
    /** "code" is a secret only as a pairing or verification code, not as a reason or error code. */
    private static final Set<String> CODE_QUALIFIERS = Set.of("pairing", "verification", "join", "invite");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern KEY_HEX = Pattern.compile("(?:[0-9a-fA-F]{2}){16,}");
    private static final Set<String> METADATA_WORDS = Set.of("fp", "fingerprint", "hash", "sha", "sha256", "digest",
            "id", "kind", "type", "length", "len", "size", "count", "expires", "created", "age", "reason", "status",
            "valid", "ok", "match", "matches", "used", "consumed", "scope", "generation");

    /** {@code key: value} in block or flow YAML; group 4 is a scalar value up to the end of line, comma or brace. */
    private static final Pattern YAML_ENTRY = Pattern.compile(
            "((?:^|[{,])[ \\t-]*)([A-Za-z0-9_.-]+|\"[^\"\\n]*\"|'[^'\\n]*')([ \\t]*:[ \\t]+)"
                    + "([^\\s,{}\\[\\]&*|>#][^,}\\n]*?)(?=[ \\t]*(?:,|}|\\n|$))",
            Pattern.MULTILINE);

    private final Map<String, String> secrets;
    private final List<String> longestFirst;

    private Redactor(Map<String, String> secrets) {
        this.secrets = Collections.unmodifiableMap(new TreeMap<>(secrets));
        List<String> order = new ArrayList<>(this.secrets.keySet());
        order.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.longestFirst = List.copyOf(order);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every secret value learnt, for tests that scan the outputs for them. */
    public Set<String> secrets() {
        return secrets.keySet();
    }

    /** {@code text} with every known secret replaced by its fingerprint. */
    public String redact(String text) {
        if (text == null || text.isEmpty() || longestFirst.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : longestFirst) {
            if (s.length() >= MIN_LENGTH && out.contains(s)) {
                out = out.replace(s, secrets.get(s));
            }
        }
        return out;
    }

    /**
     * A scenario file as the report shows it: the value of every secret-named key replaced by its fingerprint
     * (block or flow style, quoted or not, so even a secret shorter than {@link #MIN_LENGTH} is hidden), then every
     * known secret value replaced wherever else it appears.
     */
    public String redactYaml(String yaml) {
        Matcher m = YAML_ENTRY.matcher(yaml);
        StringBuilder out = new StringBuilder(yaml.length());
        while (m.find()) {
            String key = m.group(2);
            if (key.startsWith("\"") || key.startsWith("'")) {
                key = key.substring(1, key.length() - 1);
            }
            String value = m.group(4).strip();
            if (isSecretKey(key)) {
                String unquoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1)
                        : value;
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3)
                        + "\"" + render(key, unquoted) + "\""));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        return redact(out.toString());
    }

    /** A field as the report shows it: {@link #render} if the key names a secret, else the redacted value. */
    public String field(String key, String value) {
        if (value == null) {
            return null;
        }
        return isSecretKey(key) ? render(key, value) : redact(value);
    }

    /**
     * How the secret {@code value} under {@code key} appears: a low-entropy secret by kind and length, a key by its
     * fingerprint (the value itself when it already is one), anything else by {@link #mask}.
     */
    public static String render(String key, String value) {
        Optional<String> lowEntropy = lowEntropyKind(key);
        if (lowEntropy.isPresent()) {
            return LowEntropySecret.shown(lowEntropy.get(), value);
        }
        if (FINGERPRINT.matcher(value).matches()) {
            return value;
        }
        if (KEY_HEX.matcher(value).matches()) {
            return "[fp:" + Bytes.fingerprint(HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT))) + "]";
        }
        return mask(value);
    }

    /** A high-entropy secret that is not a key: the first 8 bytes of SHA-256 of its text. */
    public static String mask(String value) {
        return "[fp:" + Bytes.fingerprint(value.getBytes(StandardCharsets.UTF_8)) + "]";
    }

    /** "password", "PIN", "pairing code"...: what a key names when its value is a low-entropy secret. */
    static Optional<String> lowEntropyKind(String key) {
        List<String> words = words(key);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (LOW_ENTROPY_WORDS.containsKey(w)) {
                return Optional.of(LOW_ENTROPY_WORDS.get(w));
            }
            if (w.equals("code") && i > 0 && CODE_QUALIFIERS.contains(words.get(i - 1))) {
                return Optional.of(words.get(i - 1) + " code");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a key (YAML key or trace field name, any case or separator) names secret material rather than
     * something about it: {@code password}, {@code auth-token}, {@code registration_secret}, {@code sessionKey},
     * {@code psk} are secret; {@code password-length}, {@code auth-token-fp}, {@code session-key-sha256} are not.
     */
    public static boolean isSecretKey(String key) {
        List<String> words = words(key);
        for (String w : words) {
            if (METADATA_WORDS.contains(w)) {
                return false;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
            if (w.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
        }
        return lowEntropyKind(key).isPresent();
    }

    static List<String> words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : spaced.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Collects secret values from the report's inputs. */
    public static final class Builder {
        private final Map<String, String> secrets = new TreeMap<>();

        /** A high-entropy secret whose key is not known: shown as {@link #mask}. */
        public Builder add(String value) {
            return add("secret", value);
        }

        /**
         * The secret {@code value} found under {@code key}. A value that already is a fingerprint names a key in
         * public and is not learnt, so that it reads the same in the report as in the CLI and the trace.
         */
        public Builder add(String key, String value) {
            if (value != null && !value.isEmpty()) {
                String shown = render(key, value);
                if (!shown.equals(value)) {
                    secrets.put(value, shown);
                }
            }
            return this;
        }

        /** Values under secret-named keys anywhere in a scenario file; a file that does not parse adds nothing. */
        public Builder scanYaml(String yaml) {
            JsonNode root;
            try {
                root = YAML.readTree(yaml);
            } catch (IOException e) {
                return this;
            }
            if (root != null) {
                walk(root, null);
            }
            return this;
        }

        public Builder scanTrace(Trace trace) {
            for (TraceEvent e : trace.events()) {
                for (Map.Entry<String, String> f : e.fields().entrySet()) {
                    if (isSecretKey(f.getKey())) {
                        add(f.getKey(), f.getValue());
                    }
                }
            }
            return this;
        }

        /** {@code secretKey}: the nearest enclosing secret-named key, or null outside any. */
        private void walk(JsonNode n, String secretKey) {
            if (n.isObject()) {
                n.properties().forEach(e -> walk(e.getValue(), secretKey != null ? secretKey
                        : isSecretKey(e.getKey()) ? e.getKey() : null));
            } else if (n.isArray()) {
                n.forEach(c -> walk(c, secretKey));
            } else if (secretKey != null && n.isValueNode() && !n.isNull()) {
                add(secretKey, n.asText());
            }
        }

        public Redactor build() {
            return new Redactor(secrets);
        }
    }
}
