package io.liaison.address.internal;

/**
 * Punycode (RFC 3492), the encoding of a Unicode domain label as the ASCII after {@code xn--}. Java has it only
 * inside {@link java.net.IDN}, which applies IDNA2003's mapping first; {@link DomainNames} needs the bare encoding.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    /** Encodes a label (RFC 3492, 6.3), without the {@code xn--} prefix. */
    static String encode(String label) {
        int[] input = label.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int c : input) {
            if (c < 0x80) {
                out.append((char) c);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        int delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < input.length) {
            int m = Integer.MAX_VALUE;
            for (int c : input) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta = Math.addExact(delta, Math.multiplyExact(m - n, handled + 1));
            n = m;
            for (int c : input) {
                if (c < n) {
                    delta = Math.addExact(delta, 1);
                }
                if (c == n) {
                    int q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                        if (q < t) {
                            break;
                        }
                        out.append(digit(t + (q - t) % (BASE - t)));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit(q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    /**
     * Decodes a label's encoding (RFC 3492, 6.2), without the {@code xn--} prefix.
     *
     * @throws IllegalArgumentException when it is no valid encoding
     */
    static String decode(String encoded) {
        int end = encoded.lastIndexOf('-');
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < Math.max(end, 0); j++) {
            char c = encoded.charAt(j);
            if (c >= 0x80) {
                throw new IllegalArgumentException("not Punycode: " + encoded);
            }
            out.append(c);
        }
        int[] output = out.codePoints().toArray();
        int length = output.length;
        int[] buffer = java.util.Arrays.copyOf(output, encoded.length() + 1);
        int n = INITIAL_N;
        int i = 0;
        int bias = INITIAL_BIAS;
        for (int in = end > 0 ? end + 1 : 0; in < encoded.length(); ) {
            int oldI = i;
            int w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= encoded.length()) {
                    throw new IllegalArgumentException("not Punycode: " + encoded);
                }
                int digit = value(encoded.charAt(in++));
                i = Math.addExact(i, Math.multiplyExact(digit, w));
                int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                if (digit < t) {
                    break;
                }
                w = Math.multiplyExact(w, BASE - t);
            }
            bias = adapt(i - oldI, length + 1, oldI == 0);
            n = Math.addExact(n, i / (length + 1));
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)) {
                throw new IllegalArgumentException("not Punycode: " + encoded);
            }
            System.arraycopy(buffer, i, buffer, i + 1, length - i);
            buffer[i++] = n;
            length++;
        }
        return new String(buffer, 0, length);
    }

    private static int adapt(int delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * delta / (delta + SKEW);
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        throw new IllegalArgumentException("not a Punycode digit: " + c);
    }
}
