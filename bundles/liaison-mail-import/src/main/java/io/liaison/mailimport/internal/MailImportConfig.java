package io.liaison.mailimport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The administrator's settings of the mail import; an account's settings may override the folder names. */
@ObjectClassDefinition(name = "Liaison mail import", description = "Import folders, archive folder and the manual import's steps.")
public @interface MailImportConfig {

    @AttributeDefinition(name = "Import folder", description = "Name of the import root below the inbox "
            + "(account setting 'importFolder' overrides it).")
    String importFolderName() default "Import folder";

    @AttributeDefinition(name = "Archive folder", description = "Folder below the inbox where imported mails are moved "
            + "(account setting 'archiveFolder' overrides it); created when missing.")
    String archiveFolderName() default "CRM activities";

    @AttributeDefinition(name = "Edit document step", description = "Whether the manual import lets the user set "
            + "category and keywords per attachment; when off, the rules' proposals are stored as they are.")
    boolean editDocumentStep() default true;

    @AttributeDefinition(name = "Category of the original message")
    String originalCategory() default "E-Mail";

    @AttributeDefinition(name = "Messages per run", description = "At most this many messages are imported per run; "
            + "the rest wait for the next.")
    int maxMessagesPerRun() default 500;

    @AttributeDefinition(name = "Parsing threads", description = "Messages are parsed and their attachments categorised "
            + "on this many threads ahead of the run's own thread, which stores them in the CRM and archives them in "
            + "their order; 0: everything on the run's thread.")
    int parsingThreads() default 1;

    @AttributeDefinition(name = "Not-imported folder", description = "Folder below the inbox where a message goes that "
            + "could not be read in as many runs as 'Failed attempts' says (account setting 'notImportedFolder' "
            + "overrides it); created when needed. It never blocks the import folder or costs every run again.")
    String notImportedFolderName() default "Not imported";

    @AttributeDefinition(name = "Failed attempts", description = "After this many runs that could not read a message "
            + "(unreadable, over a limit, a parser failure), it is moved to the not-imported folder; 0: never moved. "
            + "Failures of the CRM or the groupware do not count.")
    int maxFailedAttempts() default 3;

    @AttributeDefinition(name = "Type of sent mail", description = "Activity type of a mail the employee sent (from "
            + "their CRM address or the account's mailbox addresses); it is assigned through its first recipient "
            + "outside the own company. When the CRM knows no such type, sent mail is imported as MAILIN.")
    String outgoingActivityType() default "MAILOUT";
}
