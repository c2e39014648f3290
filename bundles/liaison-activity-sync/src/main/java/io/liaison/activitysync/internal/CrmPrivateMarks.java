package io.liaison.activitysync.internal;

import io.liaison.api.domain.AccountId;

/**
 * The activities of one area whose groupware items Liaison wrote as private because the CRM marked them private
 * ({@link Marks#writtenPrivate}): when the CRM takes its mark back, such an item is made normal again, where an
 * item its owner marked private in the groupware keeps its sensitivity.
 */
final class CrmPrivateMarks {
    private final Marks marks;
    private final AccountId account;
    private final ActivityArea area;

    CrmPrivateMarks(Marks marks, AccountId account, ActivityArea area) {
        this.marks = marks;
        this.account = account;
        this.area = area;
    }

    void written(String crmId) {
        marks.writtenPrivate(account, area, crmId);
    }

    boolean wasWritten(String crmId) {
        return marks.isWrittenPrivate(account, area, crmId);
    }

    void takenBack(String crmId) {
        marks.privateTakenBack(account, area, crmId);
    }
}
