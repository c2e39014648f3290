package io.liaison.shell.internal.mail;

import io.liaison.api.domain.ActivityData;
import io.liaison.api.mailimport.AttachmentProposal;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.MessageInspection;
import io.liaison.shell.internal.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the mail commands: what a script reads from {@code --json}. */
final class MailViews {
    private MailViews() {
    }

    static Map<String, Object> candidate(ImportCandidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", c.messageId());
        m.put("folder", c.folder());
        m.put("status", c.status().key());
        m.put("subject", c.subject());
        m.put("from", c.from());
        m.put("date", c.date());
        m.put("documents", documents(c.attachments()));
        m.put("problems", c.problems());
        return m;
    }

    /** One document as a line of text: name, type, size, category and keywords. */
    static String documentLine(AttachmentProposal d) {
        return Text.clean(d.fileName()) + " (" + d.mediaType() + ", " + d.size() + " bytes) -> "
                + (d.classification().category().isEmpty() ? "no category" : Text.clean(d.classification().category()))
                + (d.classification().keywords().isEmpty() ? ""
                        : " [" + Text.clean(String.join(", ", d.classification().keywords())) + "]");
    }

    static List<Map<String, Object>> documents(List<AttachmentProposal> proposals) {
        return proposals.stream().map(MailViews::document).toList();
    }

    static Map<String, Object> document(AttachmentProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fileName", p.fileName());
        m.put("mediaType", p.mediaType());
        m.put("size", p.size());
        m.put("category", p.classification().category());
        m.put("keywords", p.classification().keywords());
        return m;
    }

    /** What the import would create: the activity's fields without its body, which may be long and private. */
    static Map<String, Object> inspection(String file, MessageInspection i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("sourceKey", i.sourceKey());
        i.activity().ifPresent(a -> m.put("activity", activity(a)));
        m.put("documents", documents(i.attachments()));
        m.put("embeddedMessages", i.embedded());
        m.put("assignment", i.assignment());
        m.put("problems", i.problems());
        return m;
    }

    private static Map<String, Object> activity(ActivityData a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type().key());
        m.put("status", a.status().key());
        m.put("subject", a.subject());
        m.put("start", a.start());
        m.put("from", a.mail().map(d -> d.from()));
        m.put("fromName", a.mail().map(d -> d.fromName()));
        m.put("to", a.mail().map(d -> d.to()).orElse(List.of()));
        m.put("cc", a.mail().map(d -> d.cc()).orElse(List.of()));
        m.put("inReplyTo", a.mail().flatMap(d -> d.inReplyTo()));
        m.put("textCharacters", a.text().length());
        m.put("hasHtml", !a.html().isEmpty());
        m.put("businessPartner", a.businessPartner().map(b -> b.value()));
        m.put("contactPerson", a.contactPerson().map(c -> c.value()));
        return m;
    }
}
