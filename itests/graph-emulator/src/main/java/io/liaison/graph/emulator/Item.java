package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One stored resource of any kind; guarded by its mailbox's lock. */
final class Item {

    static final String MAIL_FOLDER = "mailFolder";
    static final String MESSAGE = "message";
    static final String CALENDAR = "calendar";
    static final String EVENT = "event";
    static final String TODO_LIST = "todoTaskList";
    static final String TODO_TASK = "todoTask";
    static final String LINKED_RESOURCE = "linkedResource";
    static final String CONTACT_FOLDER = "contactFolder";
    static final String CONTACT = "contact";

    final String id;
    final String kind;
    String container;
    ObjectNode json;
    long seq;
    String changeKey;
    String wellKnownName;
    final Map<String, String> ext = new LinkedHashMap<>();
    byte[] mime;
    byte[] photo;
    String photoType;
    String transactionId;
    // events: start/end in the event's own zone
    LocalDateTime localStart;
    LocalDateTime localEnd;
    ZoneId zone;
    boolean allDay;
    final Map<LocalDate, ObjectNode> overrides = new LinkedHashMap<>();
    final Map<LocalDate, Long> overrideSeq = new LinkedHashMap<>();
    final Set<LocalDate> cancelled = new HashSet<>();

    Item(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    Instant start() {
        return localStart.atZone(zone).toInstant();
    }

    Instant end() {
        return localEnd.atZone(zone).toInstant();
    }

    boolean isSeriesMaster() {
        return EVENT.equals(kind) && json.hasNonNull("recurrence") && json.get("recurrence").isObject();
    }

    /** @return a deep copy, as the "previous state" of a change */
    Item snapshot() {
        Item c = new Item(id, kind);
        c.container = container;
        c.json = json.deepCopy();
        c.seq = seq;
        c.changeKey = changeKey;
        c.wellKnownName = wellKnownName;
        c.ext.putAll(ext);
        c.localStart = localStart;
        c.localEnd = localEnd;
        c.zone = zone;
        c.allDay = allDay;
        overrides.forEach((k, v) -> c.overrides.put(k, v.deepCopy()));
        c.overrideSeq.putAll(overrideSeq);
        c.cancelled.addAll(cancelled);
        return c;
    }
}
