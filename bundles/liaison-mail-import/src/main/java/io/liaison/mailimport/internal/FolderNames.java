package io.liaison.mailimport.internal;

import io.liaison.api.domain.GroupwareAccount;

/** The import root's and the archive folder's names for an account: its own settings, else the configuration's. */
final class FolderNames {
    /** Account setting naming the import root. */
    static final String IMPORT_FOLDER_SETTING = "importFolder";
    /** Account setting naming the archive folder. */
    static final String ARCHIVE_FOLDER_SETTING = "archiveFolder";
    /** Account setting naming the folder of messages that could not be imported. */
    static final String NOT_IMPORTED_FOLDER_SETTING = "notImportedFolder";

    private FolderNames() {
    }

    static String importRoot(GroupwareAccount account, MailImportConfig config) {
        return account.setting(IMPORT_FOLDER_SETTING).filter(s -> !s.isBlank()).orElse(config.importFolderName());
    }

    static String archive(GroupwareAccount account, MailImportConfig config) {
        return account.setting(ARCHIVE_FOLDER_SETTING).filter(s -> !s.isBlank()).orElse(config.archiveFolderName());
    }

    static String notImported(GroupwareAccount account, MailImportConfig config) {
        return account.setting(NOT_IMPORTED_FOLDER_SETTING).filter(s -> !s.isBlank())
                .orElse(config.notImportedFolderName());
    }
}
