package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.Photo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos both ways: good ones travel, a non-image or a photo over 4 MB is left out and the contact still goes. */
class PhotoTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @TempDir
    Path dir;
    private ContactFlow flow;
    private BusinessPartner firma;
    private ContactPerson anna;
    private ContactPerson bernd;

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS);
        firma = flow.partner("Firma GmbH", "firma.de");
        anna = flow.person(firma, "Anna", "Bild", "anna@firma.de", null);
        bernd = flow.person(firma, "Bernd", "Text", "bernd@firma.de", null);
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, anna.id(), Optional.of(new Photo("image/png", PNG)));
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, bernd.id(),
                Optional.of(new Photo("image/png", "no image at all".getBytes(StandardCharsets.UTF_8))));
    }

    private Optional<Photo> gwPhoto(ContactPerson p) {
        return flow.groupware(s -> s.findByCrmId(p.id().value()).orElseThrow().data().photo());
    }

    @Test
    void exportCarriesAGoodPhotoAndReportsABadOne() {
        ExportReport report = flow.replication.export(flow.account.id(), List.of(anna.id(), bernd.id()),
                ExportOptions.defaultFolder(true));

        assertThat(report.exported()).containsExactly(anna.id(), bernd.id());
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(bernd.id().value());
            assertThat(w.reason()).contains("not a JPEG, PNG or GIF image");
        });
        assertThat(gwPhoto(anna))
                .hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(PNG));
        assertThat(gwPhoto(bernd)).isEmpty();
    }

    @Test
    void withoutPhotosNoPhotoIsExported() {
        flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(false));

        assertThat(gwPhoto(anna)).isEmpty();
    }

    @Test
    void aCrmPhotoOverFourMegabytesIsReportedAndTheContactExported() throws Exception {
        byte[] huge = Arrays.copyOf(JPEG, Photo.MAX_BYTES + 1);
        try (Connection c = flow.crmDb.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE crm_contact_person SET photo = ? WHERE id = ?")) {
            ps.setBytes(1, huge);
            ps.setLong(2, Long.parseLong(anna.id().value()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        ExportReport report = flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));

        assertThat(report.exported()).containsExactly(anna.id());
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("photo not replicated"));
        assertThat(gwPhoto(anna)).isEmpty();
    }

    private static String withPhoto(String uid, String surname, byte[] photo) {
        return ImportTest.vcard(uid, "Paul", surname, surname.toLowerCase() + "@firma.de", null,
                "PHOTO;ENCODING=b;TYPE=JPEG:" + Base64.getEncoder().encodeToString(photo) + "\n");
    }

    @Test
    void importCarriesAGoodPhotoAndReportsOrDropsBadOnes() {
        flow.writeVcard("good.vcf", withPhoto("good", "Gut", JPEG));
        flow.writeVcard("text.vcf", withPhoto("text", "Falsch", "plain text".getBytes(StandardCharsets.UTF_8)));
        flow.writeVcard("huge.vcf", withPhoto("huge", "Riesig", Arrays.copyOf(JPEG, Photo.MAX_BYTES + 1024)));

        ImportReport report = flow.replication.importChosen(flow.account.id(),
                Map.of("good", firma.id(), "text", firma.id(), "huge", firma.id()));

        assertThat(report.imported()).hasSize(3);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("text");
            assertThat(w.reason()).contains("not a JPEG, PNG or GIF image");
        });
        for (var id : report.imported()) {
            ContactPerson p = flow.crm.contactPersons().get(ContactFlow.DEMO, id).orElseThrow();
            Optional<Photo> photo = flow.crm.contactPersons().photo(ContactFlow.DEMO, id);
            if (p.data().lastName().equals("Gut")) {
                assertThat(photo).hasValueSatisfying(ph -> {
                    assertThat(ph.bytes()).isEqualTo(JPEG);
                    assertThat(ph.mediaType()).isEqualTo("image/jpeg");
                });
            } else {
                assertThat(photo).isEmpty();
            }
        }
    }

    @Test
    void theCheckJudgesTheContentNotTheDeclaredType() {
        assertThat(PhotoCheck.problem(new Photo("image/gif", PNG))).isEmpty();
        assertThat(PhotoCheck.accepted(new Photo("image/gif", PNG))).hasValueSatisfying(
                p -> assertThat(p.mediaType()).isEqualTo("image/png"));
        assertThat(PhotoCheck.problem(new Photo("image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(PhotoCheck.problem(new Photo("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8})))
                .hasValueSatisfying(r -> assertThat(r).contains("not a JPEG, PNG or GIF"));
    }
}
