package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.ContactFileEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactFileReaderTest {
    private final ContactFileReaderComponent reader = new ContactFileReaderComponent();

    @TempDir
    Path dir;

    @Test
    void readsCsvRowsPassingOtherColumnsThroughAndReportingBrokenRows() throws Exception {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, "\uFEFFfirst_name,last_name,email,phone,mobile,company,Notiz\r\n"
                + "Anna,Müller,anna@firma.de,030 1234567,0171 1234567,\"Müller, Söhne & Co\",\"sagt \"\"hallo\"\"\"\n"
                + "Hans,Schmidt,,,,,\n"
                + "kaputt,zu,wenige\n"
                + "Eva,\"Weber\nzweizeilig\",eva@weber.de,,,,\n", StandardCharsets.UTF_8);
        List<ContactFileEntry> entries = reader.read(file);

        assertThat(entries).hasSize(4);
        ContactCandidate anna = entries.get(0).candidate().orElseThrow();
        assertThat(anna).isEqualTo(new ContactCandidate("", "Anna", "Müller", List.of("anna@firma.de"), List.of("030 1234567"),
                List.of("0171 1234567"), "Müller, Söhne & Co"));
        assertThat(entries.get(0).extra()).isEqualTo(Map.of("Notiz", "sagt \"hallo\""));
        assertThat(entries.get(0).label()).isEqualTo("Anna Müller");
        assertThat(entries.get(1).candidate().orElseThrow().emails()).isEmpty();
        assertThat(entries.get(2).problem()).contains("row 4 has 3 fields, the header 7");
        assertThat(entries.get(3).candidate().orElseThrow().lastName()).isEqualTo("Weber\nzweizeilig");
        assertThat(entries).extracting(ContactFileEntry::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsSemicolonSeparatedCsvAndRefusesAFileWithoutNameColumns() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.writeString(file, "first_name;last_name;email\nJürgen;Groß;j@gross.de\n");
        assertThat(reader.read(file).get(0).candidate().orElseThrow().lastName()).isEqualTo("Groß");

        Path noNames = dir.resolve("bad.csv");
        Files.writeString(noNames, "name,mail\nAnna,anna@firma.de\n");
        assertThatThrownBy(() -> reader.read(noNames)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no first_name and last_name columns");
    }

    @Test
    void readsAHugeNameSoThatTheCheckCanReportIt() throws Exception {
        Path file = dir.resolve("huge.csv");
        Files.writeString(file, "first_name,last_name\nAnna," + "x".repeat(10 * 1024 * 1024) + "\nHans,Schmidt\n");
        List<ContactFileEntry> entries = reader.read(file);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).label()).hasSizeLessThan(80);
        assertThat(entries.get(1).candidate().orElseThrow().lastName()).isEqualTo("Schmidt");
    }

    @Test
    void readsVCardsWithStructuredOrFormattedNamesAndMobileNumbers() throws Exception {
        Path file = dir.resolve("contacts.vcf");
        Files.writeString(file, """
                BEGIN:VCARD
                VERSION:3.0
                N:Müller;Anna;;Dr.;
                FN:Dr. Anna Müller
                EMAIL;TYPE=work:anna@firma.de
                TEL;TYPE=cell:0171 1234567
                TEL;TYPE=work,voice:030 1234567
                ORG:Firma GmbH;Vertrieb
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Hans Peter Schmidt
                EMAIL:hp@schmidt.de
                END:VCARD
                """);
        List<ContactFileEntry> entries = reader.read(file);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).candidate().orElseThrow()).isEqualTo(new ContactCandidate("Dr.", "Anna", "Müller",
                List.of("anna@firma.de"), List.of("030 1234567"), List.of("0171 1234567"), "Firma GmbH"));
        ContactCandidate hans = entries.get(1).candidate().orElseThrow();
        assertThat(hans.firstName()).isEqualTo("Hans Peter");
        assertThat(hans.lastName()).isEqualTo("Schmidt");
    }

    @Test
    void refusesOtherFiles() throws Exception {
        Path file = dir.resolve("contacts.xlsx");
        Files.writeString(file, "PK");
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("neither a vCard (.vcf) nor a CSV (.csv) file");
    }
}
