package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Outlook file built to exhaust memory is imported in a JVM with 256 MB of heap (issue 20, point 2, "Done
 * when"): the .msg declares 400 attachments of 1 MB each, all stored in one shared 1 MB sector chain, so a reader
 * that believes the declared sizes reads 400 MB. The child exits at an OutOfMemoryError
 * (-XX:+ExitOnOutOfMemoryError), so the test also shows that memory never ran out: the size bound held. The run ends, the .msg is its FAILED entry, and the mails
 * before and after it are imported.
 */
class SmallHeapImportTest {
    @TempDir
    Path dir;

    @Test
    void aMsgBuiltToExhaustMemoryFailsAloneUnder256MegabytesOfHeap() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                classPath, SmallHeapImport.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output = readAll(process.getInputStream());
        // a guard against a hanging child, not a measurement: the run takes seconds
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }

        List<String> lines = new ArrayList<>(output.lines().filter(l -> l.matches("^(heap|status|created|failed)=.*"))
                .toList());
        System.out.println("Small-heap import: " + lines);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(lines).as(output).contains("created=2", "status=COMPLETED_WITH_ERRORS");
        assertThat(lines).filteredOn(l -> l.startsWith("failed=")).as(output).singleElement().asString()
                .contains("b-bomb.msg");
        assertThat(lines.get(0)).as(output).matches("heap=2[0-9][0-9] MB");
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
