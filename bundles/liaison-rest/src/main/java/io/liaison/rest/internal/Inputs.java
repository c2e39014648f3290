package io.liaison.rest.internal;

import java.util.Map;
import java.util.Set;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;

/** The JSON the API accepts. A field left out (null) takes its default on create and is left as it is on change. */
final class Inputs {
    private Inputs() {
    }

    /**
     * A new account. {@code employee} (a CRM employee id or login) is for administrators; a user's account is always
     * their own. {@code credentials} may come along, or later by PUT .../credentials.
     */
    record NewAccount(String employee, String connectorType, Map<String, String> settings, Boolean autoSync,
                      Long intervalMinutes, Set<SyncArea> areas, ConflictPolicy conflictPolicy,
                      NewCredentials credentials) {
    }

    /** A change of an account: only the fields given change. */
    record AccountChange(Map<String, String> settings, Boolean autoSync, Long intervalMinutes, Set<SyncArea> areas,
                         ConflictPolicy conflictPolicy, Boolean enabled) {
    }

    /** Credentials, accepted and stored encrypted, never answered back. */
    record NewCredentials(String username, String password, Map<String, String> more) {
        @Override
        public String toString() {
            return "NewCredentials[username=" + username + ", password=******]";
        }
    }

    /** A run to start now: the account's areas when none are named. */
    record RunRequest(String account, Set<SyncArea> areas) {
    }

    /** A change of the caller's groupware preferences: only the fields given change. */
    record PreferencesChange(Set<SyncArea> wizardAreas, Boolean onlyCurrentImport, Boolean syncOnOpen) {
    }

    /**
     * The messages of the import folders to import (every one without problems when none is named), with the
     * category and keywords per message id and document file name (the spec's "Edit document" step).
     */
    record MailImport(java.util.List<String> messages,
                      Map<String, Map<String, DocumentClassification>> documents) {
    }

    /** A document's category (empty for none) and keywords. */
    record DocumentClassification(String category, java.util.List<String> keywords) {
    }

    /** An unknown address to assign to a contact person (by CRM id). */
    record AddressAssignment(String address, String contactPerson) {
    }

    /** A contact person to create for an unknown address; the business partner is found by the domain if not given. */
    record NewAddressContact(String address, String displayName, String businessPartner) {
    }
}
