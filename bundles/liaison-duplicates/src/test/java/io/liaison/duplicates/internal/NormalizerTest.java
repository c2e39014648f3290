package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.duplicates.ContactCandidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    private final PhoneNormalizer phones = new PhoneNormalizer("DE");
    private final EmailNormalizer emails = new EmailNormalizer();
    private final NameNormalizer names = new NameNormalizer();
    private final ContactNormalizer contacts = new ContactNormalizer("DE");

    @Test
    void foldsGermanNamesTheSameWayOnTheShortCutAsOnTheFullPath() {
        assertThat(NameNormalizer.fold("Müller")).isEqualTo("mueller");
        assertThat(NameNormalizer.fold("GRÖßE-Schäfer")).isEqualTo("groesse-schaefer");
        assertThat(NameNormalizer.fold("Jürgen Ülker")).isEqualTo("juergen uelker");
        assertThat(NameNormalizer.fold("Öztürk2")).isEqualTo("oeztuerk2");
        // the full path: accents beside umlauts, doubled or trailing separators, punctuation
        assertThat(NameNormalizer.fold("Müller  René")).isEqualTo("mueller rene");
        assertThat(NameNormalizer.fold("Müller-")).isEqualTo("mueller-");
        assertThat(NameNormalizer.fold("Jürgen.")).isEqualTo("juergen");
        assertThat(NameNormalizer.fold("Ayşe Müller")).isEqualTo("ayse mueller");
    }

    @Test
    void readsTheCommonGermanSpellingsOfANumberAsOneE164Number() {
        for (String spelling : List.of("0171 1234567", "+49 (0)171 1234567", "0049-171-1234567", "0171/1234567",
                "+49 171 1234567", "+491711234567", "(0171) 123 45 67")) {
            PhoneNormalizer.Outcome outcome = phones.normalize(spelling);
            assertThat(outcome.value()).as(spelling).isNotNull();
            assertThat(outcome.value().e164()).as(spelling).isEqualTo("+491711234567");
            assertThat(outcome.value().mobile()).as(spelling).isTrue();
        }
        PhoneNormalizer.PhoneValue landline = phones.normalize("+49 (0)30 1234567").value();
        assertThat(landline.e164()).isEqualTo("+49301234567");
        assertThat(landline.mobile()).isFalse();
        assertThat(phones.normalize("030 1234567").value().e164()).isEqualTo("+49301234567");
    }

    @Test
    void readsNationalNumbersInTheConfiguredRegion() {
        assertThat(new PhoneNormalizer("AT").normalize("0664 1234567").value().e164()).isEqualTo("+436641234567");
        assertThatThrownBy(() -> new PhoneNormalizer("XX")).hasMessageContaining("'XX'");
    }

    @Test
    void readsNationalNumbersInTheContactsCountry() {
        // Zurich's area code 044 (Swiss numbering plan); in Germany the same digits are +49 4466 …
        assertThat(phones.normalize("044 668 18 00", phones.regionFor("CH")).value().e164()).isEqualTo("+41446681800");
        assertThat(phones.normalize("044 668 18 00", phones.regionFor("")).value().e164()).isEqualTo("+49446681800");
        assertThat(phones.normalize("044 668 18 00").value().e164()).isEqualTo("+49446681800");
        assertThat(phones.normalize("0664 1234567", phones.regionFor("at")).value().e164()).isEqualTo("+436641234567");
        // a number with its country code is the same in every region
        assertThat(phones.normalize("+49 30 1234567", phones.regionFor("CH")).value().e164()).isEqualTo("+49301234567");
        assertThat(phones.regionFor("XX")).isEqualTo("DE");
        ContactNormalizer contacts = new ContactNormalizer("DE");
        io.liaison.api.domain.ContactPersonData swiss = Fixtures.data(Fixtures.candidate("Ursula", "Keller", List.of(),
                List.of("044 668 18 00"), List.of()));
        assertThat(contacts.normalize(swiss.withCountry("CH")).phones()).containsExactly("+41446681800");
        assertThat(contacts.normalize(swiss, "CH").phones()).containsExactly("+41446681800");
        assertThat(contacts.normalize(swiss.withCountry("DE"), "CH").phones()).as("the person's before the partner's")
                .containsExactly("+49446681800");
        assertThat(contacts.normalize(swiss).phones()).containsExactly("+49446681800");
    }

    @Test
    void refusesGarbageNumbersWithAReason() {
        assertThat(phones.normalize("call me maybe").problem()).contains("not a phone number");
        assertThat(phones.normalize("12").problem()).isNotNull();
        assertThat(phones.normalize("1".repeat(100)).problem()).contains("at most 64");
    }

    @Test
    void normalisesEmailAddresses() {
        assertThat(emails.normalize("  Anna.Mueller@Firma.DE ")).contains("anna.mueller@firma.de");
        assertThat(emails.normalize("<mailto:anna@firma.de>")).contains("anna@firma.de");
        assertThat(emails.normalize("mailto:<anna@firma.de>")).contains("anna@firma.de");
        assertThat(emails.normalize("info@bäckerei-müller.de")).contains("info@xn--bckerei-mller-bfb28a.de");
        assertThat(emails.normalize("info@BÄCKEREI-müller.de")).isEqualTo(emails.normalize("info@xn--bckerei-mller-bfb28a.de"));
        assertThat(emails.normalize("A.N.Na+crm@googlemail.com")).contains("anna@gmail.com");
        assertThat(emails.normalizeOrReason("anna.firma.de").problem()).isEqualTo("has no @");
        assertThat(emails.normalizeOrReason("anna@").problem()).contains("nothing after");
        assertThat(emails.normalizeOrReason("anna@firma").problem()).contains("invalid domain");
    }

    @Test
    void transliteratesFoldsAndSplitsOffTitlesAndParticles() {
        NameNormalizer.NormalizedName n = names.normalize("", "Dr. Jürgen", "von der Müller-Lüdenscheidt");
        assertThat(n.first()).isEqualTo("juergen");
        assertThat(n.last()).isEqualTo("mueller-luedenscheidt");
        assertThat(n.titles()).containsExactly("Dr.");
        assertThat(n.particles()).containsExactly("von", "der");

        assertThat(names.normalize("Prof.", "Dipl.-Ing. René", "STRAßBURGER").first()).isEqualTo("rene");
        assertThat(names.normalize("", "José", "Gonçalves").last()).isEqualTo("goncalves");
        assertThat(names.normalize("", "Małgorzata", "Łukasiewicz").last()).isEqualTo("lukasiewicz");
        assertThat(names.normalize("", "Zoë", "van Dyk").last()).isEqualTo("dyk");
        // a name that is only a particle or a title stays a name
        assertThat(names.normalize("", "Anna", "de").last()).isEqualTo("de");
        assertThat(names.normalize("", "Ursula von der", "Leyen").first()).isEqualTo("ursula");
    }

    @Test
    void skipsAnUnreadableValueWithANoteAndChecksTheRest() {
        ContactNormalizer.Checked checked = contacts.check(new ContactCandidate("", "Anna", "x".repeat(10 * 1024 * 1024),
                List.of("anna.firma.de", "Anna Meier <anna@firma.de>"), List.of("kein Anschluss", "n/a", "030 1234567"),
                List.of(), ""));
        assertThat(checked.contact().lastName()).isEmpty();
        assertThat(checked.contact().emails()).containsExactly("anna@firma.de");
        assertThat(checked.contact().phones()).containsExactly("+49301234567");
        assertThat(checked.notes()).containsExactly(
                "last name is 10485760 characters long, at most 200 compared: not compared",
                "e-mail address 'anna.firma.de' has no @: not compared",
                "phone number 'kein Anschluss' is not a phone number (not_a_number): not compared",
                "phone number 'n/a' is not a phone number (not_a_number): not compared");
        assertThatThrownBy(() -> contacts.normalize(candidate("", " ", List.of(" ", "n/a"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the contact has no name, no e-mail address and no phone number to compare "
                        + "(e-mail address 'n/a' has no @: not compared)");
    }

    @Test
    void readsExtensionsAndRemarksAndAcceptsOnlyValidNumbers() {
        for (String spelling : List.of("089 1234567 Durchwahl 12", "+49 89 1234567 ext. 12", "089 1234567 x12",
                "089/1234567 DW 12", "+49 (0)89 1234567 ext 12")) {
            assertThat(phones.normalize(spelling).value()).as(spelling).isNotNull();
            assertThat(phones.normalize(spelling).value().e164()).as(spelling).isEqualTo("+49891234567;ext=12");
        }
        assertThat(phones.normalize("089/1234567 (Zentrale)").value().e164()).isEqualTo("+49891234567");
        // a local number without its area code, and a number in an unassigned range, identify nobody
        assertThat(phones.normalize("234567").problem()).isEqualTo("is a local number without its area code");
        assertThat(phones.normalize("0123456789").problem()).isEqualTo("is not a valid phone number");
        // toll-free and shared-cost numbers are no one's personal number
        assertThat(phones.normalize("0800 1234567").value().mobile()).isFalse();
        assertThat(phones.normalize("0180 5 123456").value().mobile()).isFalse();
    }

    @Test
    void readsAddressesAsPeoplePasteThemAndFoldsTagsOnEveryDomain() {
        assertThat(emails.normalize("Anna Meier <Anna.Meier@firma.de>")).contains("anna.meier@firma.de");
        assertThat(emails.normalize("\"Meier, Anna\" <anna.meier@firma.de>")).contains("anna.meier@firma.de");
        assertThat(emails.normalize("anna.meier@firma.de (privat)")).contains("anna.meier@firma.de");
        assertThat(emails.normalize("anna.meier+crm@firma.de")).contains("anna.meier@firma.de");
        // UTS #46's own example of a deviation character: nontransitional processing keeps the ß
        assertThat(emails.normalize("anna@faß.de")).contains("anna@xn--fa-hia.de");
        assertThat(emails.normalize("anna@FASS.de")).contains("anna@fass.de");
        assertThat(emails.normalize("ju\u0308rgen@firma.de")).isEqualTo(emails.normalize("jürgen@firma.de"));
    }

    @Test
    void readsNamesInNfcWithoutSalutationsAndFoldsTheTurkishI() {
        assertThat(names.normalize("", "Anna", "Mu\u0308ller").last()).isEqualTo("mueller");
        assertThat(names.normalize("", "Herr Thomas", "Müller").first()).isEqualTo("thomas");
        assertThat(names.normalize("", "Frau Anna", "Müller").first()).isEqualTo("anna");
        assertThat(names.normalize("", "Ayşe", "Yıldız").last()).isEqualTo(names.normalize("", "AYŞE", "YILDIZ").last());
    }

    @Test
    void classifiesNumbersByWhatTheyAreNotByTheFieldTheyWereTypedInto() {
        NormalizedContact c = contacts.normalize(new ContactCandidate("", "Anna", "Müller", List.of(),
                List.of("0171 1234567"), List.of("030 1234567"), ""));
        assertThat(c.mobiles()).containsExactly("+491711234567");
        assertThat(c.phones()).containsExactly("+49301234567");
    }

    private static ContactCandidate candidate(String first, String last, List<String> emails, List<String> phones) {
        return new ContactCandidate("", first, last, emails, phones, List.of(), "");
    }
}
