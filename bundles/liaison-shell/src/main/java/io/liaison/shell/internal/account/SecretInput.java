package io.liaison.shell.internal.account;

import io.liaison.api.connector.Secret;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads secrets for {@code account-credentials} from where scripts keep them: the first line of a file or of
 * standard input for the secret, a whole file (bounded) for a named secret such as a PEM certificate. Never from an argument, which would land in the shell history. Messages name the source,
 * never the secret.
 */
final class SecretInput {
    /** No password or token is longer; a longer first line is the wrong file. */
    static final int MAX_LENGTH = 16 * 1024;
    /** A PEM with a private key and a certificate chain is a few KB; a larger file is the wrong file. */
    static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private SecretInput() {
    }

    /** The first line of a file, without its line end. */
    static Secret fromFile(String option, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UserInputException("cannot read " + option + " '" + file + "': no such file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return firstLine(in, option + " '" + file + "'");
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read " + option + " '" + file + "': no such file");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + option + " '" + file + "': " + e.getMessage());
        }
    }

    /**
     * A whole file as one secret (a named secret: a PEM certificate with its key is several lines), without the line
     * ends at its end; at most {@link #MAX_FILE_BYTES} of UTF-8 text.
     */
    static Secret wholeFile(String option, String file) {
        Path path = Path.of(file);
        String source = option + " '" + file + "'";
        if (!Files.isRegularFile(path)) {
            throw new UserInputException("cannot read " + source + ": no such file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read " + source + ": no such file");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + source + ": " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new UserInputException(source + " is larger than " + MAX_FILE_BYTES / 1024
                    + " KB; that is no secret");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException(source + " is not UTF-8 text (a DER file? give the PEM form)");
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        if (text.substring(0, end).isBlank()) {
            throw new UserInputException(source + " holds no secret (it is empty)");
        }
        return Secret.of(text.substring(0, end));
    }

    /** The first line of a stream, without its line end; the stream is not closed. */
    static Secret firstLine(InputStream in, String source) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (sb.length() == MAX_LENGTH) {
                throw new UserInputException(source + ": the first line is longer than " + MAX_LENGTH
                        + " characters; that is no secret");
            }
            sb.append((char) c);
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.isEmpty()) {
            throw new UserInputException(source + " holds no secret (its first line is empty)");
        }
        return Secret.of(sb.toString());
    }

    /** {@code name=FILE} → the name; the file is read by {@link #fromFile}. */
    static String[] namedPair(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
            throw new UserInputException("bad --named '" + pair + "': expected name=FILE");
        }
        String name = pair.substring(0, eq).strip();
        if (!NAME.matcher(name).matches()) {
            throw new UserInputException("bad --named name '" + name
                    + "': letters, digits, '_', '.', '-', starting with a letter");
        }
        return new String[] {name, pair.substring(eq + 1).strip()};
    }
}
