package io.liaison.api.domain;

/** What a sync run does with an item changed on both sides since the last run. */
public enum ConflictPolicy {
    /** The CRM's version overwrites the groupware's. */
    CRM_WINS,
    /** The groupware's version overwrites the CRM's. */
    GROUPWARE_WINS,
    /** The side changed last wins. */
    NEWEST_WINS,
    /** Neither is overwritten: the groupware version is kept as a copy and the conflict reported. */
    KEEP_BOTH
}
