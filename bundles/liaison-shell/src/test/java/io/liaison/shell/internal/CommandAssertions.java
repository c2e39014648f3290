package io.liaison.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.karaf.shell.support.CommandException;

/** Runs a command as Karaf would (through {@code execute()}) and captures what it printed or the error. */
public final class CommandAssertions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandAssertions() {
    }

    /** Executes the command and returns its output. */
    public static String output(LiaisonAction action) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        action.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(action.execute()).isNull();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Executes a command with {@code --json} and parses its output with a real JSON parser. */
    public static JsonNode json(LiaisonAction action) throws Exception {
        action.json = true;
        String text = output(action);
        assertThat(text.strip()).doesNotContain("\n");
        return JSON.readTree(text);
    }

    /**
     * Executes a command that must fail and returns the line Karaf's console shows for it, checking it is one
     * line, starts with {@code Error: } and that the exception's message is that line without the prefix.
     */
    public static String error(LiaisonAction action) {
        action.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandException e = catchThrowableOfType(CommandException.class, action::execute);
        assertThat(e).as("the command must fail with a CommandException").isNotNull();
        String shown = e.getNiceHelp();
        assertThat(shown).startsWith("Error: ").doesNotContain("\n").doesNotContain("\r");
        assertThat(shown).isEqualTo("Error: " + e.getMessage());
        return shown;
    }
}
