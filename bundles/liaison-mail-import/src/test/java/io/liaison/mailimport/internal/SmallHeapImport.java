package io.liaison.mailimport.internal;

import static io.liaison.mailimport.internal.Mails.mail;

import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.content.internal.CraftedOutlookFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mail import run in a JVM of its own, started by {@link SmallHeapImportTest} with a small heap: a mail, an Outlook
 * file built to exhaust memory, another mail. Prints the run's status, its counts and its failed entries, one per
 * line, and ends with exit code 0 when the run ended at all.
 */
public final class SmallHeapImport {
    /**
     * Attachments of the crafted .msg, each declaring {@link #BYTES_EACH} bytes of one shared 1 MB sector chain: 400 MB
     * in a file of about 1 MB, fewer attachments than the parser's limit (500), so that the size bound must hold.
     */
    static final int ATTACHMENTS = 400;
    static final int BYTES_EACH = 1024 * 1024;

    private SmallHeapImport() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        MailFlow flow = new MailFlow(dir, 1);
        mail().id("before@kunde.de").subject("Davor").writeTo(flow.importFolder(), "a-before.eml");
        Files.write(flow.importFolder().resolve("b-bomb.msg"),
                CraftedOutlookFiles.sharedSectors(ATTACHMENTS, BYTES_EACH));
        mail().id("after@kunde.de").subject("Danach").writeTo(flow.importFolder(), "c-after.eml");
        System.out.println("heap=" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");

        SyncRun run = flow.run();

        System.out.println("status=" + run.status());
        System.out.println("created=" + run.count(Outcome.CREATED));
        for (JournalEntry entry : flow.entries(run)) {
            if (entry.outcome() == Outcome.FAILED) {
                System.out.println("failed=" + entry.item() + " | " + entry.message());
            }
        }
        System.exit(0);
    }
}
