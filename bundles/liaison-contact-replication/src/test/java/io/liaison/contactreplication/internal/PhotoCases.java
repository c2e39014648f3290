package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.Photo;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos both ways: good ones travel, a non-image or a photo over 4 MB is left out and the contact still goes. */
abstract class PhotoCases {

    /** The groupware of the flows. */
    abstract ContactFlow.Backend backend();
    /** A real 1x1 PNG: Graph takes JPEG photos only, so its connector converts this one ("Update profilephoto"). */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @TempDir
    Path dir;
    ContactFlow flow;
    BusinessPartner firma;
    ContactPerson anna;
    ContactPerson bernd;

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS, backend());
        firma = flow.partner("Firma GmbH", "firma.de");
        anna = flow.person(firma, "Anna", "Bild", "anna@firma.de", null);
        bernd = flow.person(firma, "Bernd", "Text", "bernd@firma.de", null);
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, anna.id(), Optional.of(new Photo("image/png", PNG)));
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, bernd.id(),
                Optional.of(new Photo("image/png", "no image at all".getBytes(StandardCharsets.UTF_8))));
    }

    Optional<Photo> gwPhoto(ContactPerson p) {
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
        assertThat(gwPhoto(anna)).hasValueSatisfying(this::isTheCrmsPng);
        assertThat(gwPhoto(bernd)).isEmpty();
    }

    /** The groupware's copy of {@link #PNG}: the same bytes, or on Graph a JPEG of the same 1x1 image. */
    void isTheCrmsPng(Photo p) {
        if (backend() == ContactFlow.Backend.GRAPH) {
            isAJpegOfThePng(p);
        } else {
            assertThat(p.bytes()).isEqualTo(PNG);
        }
    }

    /** Graph's copy of {@link #PNG}: "Update profilephoto" takes JPEG only, so the connector converted it. */
    static void isAJpegOfThePng(Photo p) {
        assertThat(p.mediaType()).isEqualTo("image/jpeg");
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(p.bytes()));
            assertThat(image.getWidth()).isEqualTo(1);
            assertThat(image.getHeight()).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    static ContactData withPhoto(String surname, Photo photo) {
        ContactData d = ContactData.simple("Paul", surname, surname.toLowerCase() + "@firma.de");
        return new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(), d.department(),
                d.jobTitle(), d.emails(), d.businessPhones(), d.mobilePhone(), d.homePhones(), d.notes(),
                Optional.of(photo));
    }

    @Test
    void importCarriesAGoodPhotoAndReportsABadOne() {
        flow.addContact("good", withPhoto("Gut", new Photo("image/jpeg", JPEG)));
        flow.addContact("text", withPhoto("Falsch", new Photo("image/jpeg", "plain text".getBytes(StandardCharsets.UTF_8))));

        ImportReport report = flow.replication.importChosen(flow.account.id(),
                Map.of(flow.gid("good"), firma.id(), flow.gid("text"), firma.id()));

        assertThat(report.imported()).hasSize(2);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(flow.gid("text"));
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
    void photosChangedOnEitherSideReplicateAndABadGroupwarePhotoIsReported() {
        flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));
        flow.replication.export(flow.account.id(), List.of(bernd.id()), ExportOptions.defaultFolder(true));
        flow.run();
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, anna.id(), Optional.of(new Photo("image/jpeg", JPEG)));
        flow.setPhotoOutside(flow.groupware(s -> s.findByCrmId(bernd.id().value()).orElseThrow().id()),
                new Photo("image/jpeg", "still no image".getBytes(StandardCharsets.UTF_8)));

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(gwPhoto(anna)).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(JPEG));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("not a JPEG, PNG or GIF image");
        });
        assertThat(entries).noneSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
        assertThat(flow.crm.contactPersons().photo(ContactFlow.DEMO, bernd.id())).as("the CRM keeps its own photo")
                .hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo("no image at all".getBytes(StandardCharsets.UTF_8)));
        assertThat(flow.link(bernd)).isPresent();
        assertThat(flow.entries(flow.run())).as("the next run").isEmpty();
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
