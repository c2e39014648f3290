package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that returned is on disk when the JVM dies right after it, with the H2 URLs the distribution ships
 * (features.xml). The mail import moves a mail to the archive once the CRM's commit returned; with H2's default
 * write delay (500 ms) a crash, a kill or a database closed by an interrupted thread lost commits that had returned,
 * leaving mails archived without their activity (issue 23). Measured here before the fix: of 40 activities committed
 * one by one before {@code Runtime.halt}, between none and 26 survived (four runs
 * seen: 18, 0, 26, 0); with {@code WRITE_DELAY=0}, all.
 */
class DurableCommitTest {
    private static final int ACTIVITIES = 40;

    @TempDir
    Path data;

    @Test
    void theShippedCrmDatabaseKeepsEveryReturnedCommitWhenTheProcessDies() throws Exception {
        String url = shippedUrl("org.ops4j.datasource-liaison-crm");

        assertThat(committedBeforeCrash(url)).as("activities committed before the crash, still there after it")
                .isEqualTo(ACTIVITIES);
    }

    @Test
    void theShippedRuntimeDatabaseKeepsEveryReturnedCommitWhenTheProcessDies() throws Exception {
        String url = shippedUrl("org.ops4j.datasource-liaison");

        assertThat(committedBeforeCrash(url)).as("rows committed before the crash, still there after it")
                .isEqualTo(ACTIVITIES);
    }

    /** The JDBC URL of a DataSource configuration in the distribution's features, with karaf.data here. */
    private String shippedUrl(String config) throws IOException {
        Path features = Path.of("").toAbsolutePath().resolve("../../features/src/main/feature/feature.xml").normalize();
        String xml = Files.readString(features, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<config name=\"" + Pattern.quote(config) + "\">.*?url = (\\S+)", Pattern.DOTALL)
                .matcher(xml);
        assertThat(m.find()).as("the URL of " + config + " in " + features).isTrue();
        return m.group(1).replace("${karaf.data}", data.toString());
    }

    /**
     * Runs {@link Writer} in a JVM of its own, which writes and commits, then dies without closing anything; counts
     * what the database holds afterwards.
     */
    private int committedBeforeCrash(String url) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the writer's output").contains("committed " + ACTIVITIES);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        JdbcHostCrm crm = new JdbcHostCrm(new PooledDataSource(ds));
        EmployeeId demo = crm.employees().findByLogin("demo").orElseThrow().id();
        int found = 0;
        for (int i = 0; i < ACTIVITIES; i++) {
            if (crm.activities().findBySourceKey(demo, "durable-" + i).isPresent()) {
                found++;
            }
        }
        return found;
    }

    /** Creates activities one commit each, says so, and halts the JVM: no shutdown hook, no close. */
    public static final class Writer {
        public static void main(String[] args) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(args[0]);
            // pooled as in Karaf (Hikari): the database stays open between calls, as in a real run
            JdbcHostCrm crm = new JdbcHostCrm(new PooledDataSource(ds));
            EmployeeId demo = crm.employees().findByLogin("demo").orElseThrow().id();
            for (int i = 0; i < ACTIVITIES; i++) {
                crm.activities().create(demo, ActivityData.builder(ActivityType.MAIL_IN, demo).subject("Mail " + i)
                        .build(), Optional.of("durable-" + i));
            }
            System.out.println("committed " + ACTIVITIES);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
