package io.liaison.connector.local.internal;

import io.liaison.api.connector.ConnectorException;

/** What a mail folder may be called in the local tree: a plain, visible directory name. */
final class FolderNames {

    private FolderNames() {
    }

    static boolean valid(String name) {
        return !name.isBlank() && !name.startsWith(".") && name.length() <= 255
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || c == 0 || c < 0x20)
                && name.strip().equals(name);
    }

    static void requireValid(String name) {
        if (!valid(name)) {
            throw new ConnectorException("'" + name + "' cannot be a mail folder name in the local tree: it must not be"
                    + " blank, start with a dot, contain / or \\ or control characters, or have spaces around it");
        }
    }
}
