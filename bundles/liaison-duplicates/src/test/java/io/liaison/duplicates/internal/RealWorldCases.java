package io.liaison.duplicates.internal;

import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled cases of the review of the duplicate check against real-world contact data (issue 21), each a small
 * CRM of its own and one contact to check with the status a person would give it. The expected status follows the
 * spec's rule as the floor (the same e-mail address, or the same last name and the same number, is certain: "same",
 * not "similar") and what Salesforce's and Dynamics 365's standard matching rules do with blank and shared values:
 * a blank field is no evidence, a value many people share is no identity.
 */
final class RealWorldCases {

    /**
     * One case.
     *
     * @param point    the point of the issue it belongs to
     * @param name     what it shows
     * @param crm      the CRM's contact persons
     * @param incoming the contact to check
     * @param expected the status a person would give
     * @param valid    whether every value of the incoming contact is well-formed (missed CERTAIN counts only there)
     */
    record Case(int point, String name, List<ContactCandidate> crm, ContactCandidate incoming, DuplicateStatus expected,
                boolean valid) {
    }

    private static final DuplicateStatus CERTAIN = DuplicateStatus.CERTAIN;
    private static final DuplicateStatus POSSIBLE = DuplicateStatus.POSSIBLE;
    private static final DuplicateStatus NONE = DuplicateStatus.NONE;

    /** Gendered pairs and pairs that share only a prefix, named in the issue: different people. */
    static final String[][] DIFFERENT_FIRST_NAMES = {{"Frank", "Franziska"}, {"Andreas", "Andrea"},
            {"Michael", "Michaela"}, {"Maria", "Mario"}, {"Daniel", "Daniela"}, {"Paul", "Paula"}, {"Jan", "Jana"},
            {"Simon", "Simone"}};

    private final List<Case> cases = new ArrayList<>();

    static List<Case> all() {
        RealWorldCases c = new RealWorldCases();
        c.certainMeansTheSameLastName();
        c.aBlankFirstNameIsNoEvidence();
        c.differentFirstNamesAreDifferentPeople();
        c.sharedAddressesAndNumbers();
        c.oneBadValueNeverSkipsTheCheck();
        c.phoneNumbersThatIdentify();
        c.namesAsPeopleWriteThem();
        c.emailNormalisation();
        return List.copyOf(c.cases);
    }

    private void add(int point, String name, DuplicateStatus expected, Person incoming, Person... crm) {
        add(point, name, expected, true, incoming, crm);
    }

    private void add(int point, String name, DuplicateStatus expected, boolean valid, Person incoming, Person... crm) {
        List<ContactCandidate> existing = new ArrayList<>();
        for (Person p : crm) {
            existing.add(p.candidate());
        }
        cases.add(new Case(point, name, existing, incoming.candidate(), expected, valid));
    }

    /** Point 1: the number rule needs the same last name, not a similar one. */
    private void certainMeansTheSameLastName() {
        add(1, "Anna Müller and Anna Keller at one switchboard", NONE,
                person("Anna", "Müller").phone("089 1234567"), person("Anna", "Keller").phone("+49 89 1234567"));
        add(1, "Wagner and Werner at one switchboard (Jaro-Winkler 0.80)", NONE,
                person("Thomas", "Wagner").phone("089 1234567"), person("Thomas", "Werner").phone("089 1234567"));
        add(1, "Wagner and Werner on one mobile", NONE,
                person("Thomas", "Wagner").mobile("0171 2345678"), person("Thomas", "Werner").mobile("0171 2345678"));
        add(1, "a typo in the last name with the same mobile", POSSIBLE,
                person("Thomas", "Schneidr").mobile("0171 2345678"), person("Thomas", "Schneider").mobile("0171 2345678"));
        add(1, "Meier and Meyer with the same mobile", POSSIBLE,
                person("Jens", "Meier").mobile("0171 2345678"), person("Jens", "Meyer").mobile("0171 2345678"));
        add(1, "the same last name written out (Müller / Mueller) with the same landline", CERTAIN,
                person("Anna", "Mueller").phone("089 1234567"), person("Anna", "Müller").phone("089 1234567"));
        add(1, "the same last name with a particle and a title", CERTAIN,
                person("Dr. Anna", "von der Heide").phone("089 1234567"), person("Anna", "Heide").phone("089 1234567"));
    }

    /** Point 2: an unknown first name gives at most POSSIBLE. */
    private void aBlankFirstNameIsNoEvidence() {
        add(2, "Müller without a first name at a Müller's switchboard", POSSIBLE,
                person("", "Müller").phone("089 1234567"), person("Anna", "Müller").phone("089 1234567"));
        add(2, "a CRM Müller without a first name at the switchboard", POSSIBLE,
                person("Anna", "Müller").phone("089 1234567"), person("", "Müller").phone("089 1234567"));
        add(2, "a role address without a first name", POSSIBLE,
                person("", "Schmidt").email("info@firma.de"), person("Peter", "Schmidt").email("info@firma.de"));
        add(2, "a role address without any name", POSSIBLE,
                person("", "").email("info@firma.de"), person("Peter", "Schmidt").email("info@firma.de"));
        add(2, "a personal address without a first name is still the same address", CERTAIN,
                person("", "Schmidt").email("peter.schmidt@firma.de"), person("Peter", "Schmidt").email("peter.schmidt@firma.de"));
        add(2, "a mobile without a first name is still the same person's mobile", CERTAIN,
                person("", "Schmidt").mobile("0171 2345678"), person("Peter", "Schmidt").mobile("0171 2345678"));
    }

    /** Point 3: gendered pairs and prefix-only likeness are different people. */
    private void differentFirstNamesAreDifferentPeople() {
        for (String[] pair : DIFFERENT_FIRST_NAMES) {
            for (int i = 0; i < 2; i++) {
                String checked = pair[i];
                String existing = pair[1 - i];
                add(3, checked + " / " + existing + " Becker at one landline", POSSIBLE,
                        person(checked, "Becker").phone("0421 123456"), person(existing, "Becker").phone("0421 123456"));
                add(3, checked + " / " + existing + " Becker, nothing shared", NONE,
                        person(checked, "Becker").email(checked.toLowerCase() + ".becker@firma.de"),
                        person(existing, "Becker").email(existing.toLowerCase() + ".becker@firma.de"));
            }
        }
        add(3, "an initial matches at the landline", CERTAIN,
                person("A.", "Becker").phone("0421 123456"), person("Andrea", "Becker").phone("0421 123456"));
        add(3, "a typo in the first name at the landline is only possible", POSSIBLE,
                person("Andrae", "Becker").phone("0421 123456"), person("Andrea", "Becker").phone("0421 123456"));
    }

    /** Point 4: an address or a mobile that people with clearly different first names hold is shared. */
    private void sharedAddressesAndNumbers() {
        add(4, "a family address", POSSIBLE,
                person("Jonas", "Becker").email("familie.becker@web.de"),
                person("Peter", "Becker").email("familie.becker@web.de"), person("Maria", "Becker").email("familie.becker@web.de"));
        add(4, "the boss's address used by the assistant", POSSIBLE,
                person("Sabine", "Richter").email("k.richter@firma.de"),
                person("Klaus", "Richter").email("k.richter@firma.de"), person("Monika", "Wolf").email("k.richter@firma.de"));
        add(4, "a customer-service address", POSSIBLE,
                person("Jan", "Schulz").email("kundenservice@firma.de"), person("Anna", "Meier").email("kundenservice@firma.de"));
        add(4, "a country role address", POSSIBLE,
                person("Jan", "Schulz").email("info-de@firma.de"), person("Anna", "Meier").email("info-de@firma.de"));
        add(4, "a family mobile", POSSIBLE,
                person("Jonas", "Becker").mobile("0171 2345678"),
                person("Peter", "Becker").mobile("0171 2345678"), person("Maria", "Becker").mobile("0171 2345678"));
        add(4, "the holder of a family address checked again", CERTAIN,
                person("Maria", "Becker").email("familie.becker@web.de"),
                person("Peter", "Becker").email("familie.becker@web.de"), person("Maria", "Becker").email("familie.becker@web.de"));
    }

    /** Point 5: a bad value is skipped, the rest checked. */
    private void oneBadValueNeverSkipsTheCheck() {
        add(5, "a remark after the number (Durchwahl)", CERTAIN,
                person("Anna", "Meier").phone("089 1234567 Durchwahl 12"), person("Anna", "Meier").phone("+49 89 1234567 ext. 12"));
        add(5, "a remark in brackets after the number", CERTAIN,
                person("Anna", "Meier").phone("089/1234567 (Zentrale)"), person("Anna", "Meier").phone("089 1234567"));
        add(5, "n/a as the phone number", CERTAIN,
                person("Anna", "Meier").phone("n/a").email("anna.meier@firma.de"), person("Anna", "Meier").email("anna.meier@firma.de"));
        add(5, "an address in display-name form", CERTAIN,
                person("Anna", "Meier").email("Anna Meier <anna.meier@firma.de>"), person("Anna", "Meier").email("anna.meier@firma.de"));
        add(5, "an unreadable address beside a good one", CERTAIN,
                person("Anna", "Meier").email("anna.meier(at)firma.de").email("a.meier@firma.de"),
                person("Anna", "Meier").email("a.meier@firma.de"));
        Person many = person("Anna", "Meier");
        for (int i = 1; i <= 20; i++) {
            many.email("alias" + i + "@firma.de");
        }
        add(5, "more than 20 addresses, the 21st matching", CERTAIN, many.email("anna.meier@firma.de"),
                person("Anna", "Meier").email("anna.meier@firma.de"));
        Person manyInCrm = person("Anna", "Meier");
        for (int i = 1; i <= 20; i++) {
            manyInCrm.email("alias" + i + "@firma.de");
        }
        add(5, "a CRM contact with more than 20 addresses, matched on the 21st", CERTAIN,
                person("Anna", "Meier").email("anna.meier@firma.de"), manyInCrm.email("anna.meier@firma.de"));
    }

    /** Point 6: extensions, valid numbers only, personal only when mobile. */
    private void phoneNumbersThatIdentify() {
        add(6, "another extension at one switchboard", POSSIBLE,
                person("A.", "Schulz").phone("+49 89 1234567 x13"), person("Anna", "Schulz").phone("+49 89 1234567 x12"));
        add(6, "the same extension", CERTAIN,
                person("Anna", "Schulz").phone("+49 89 1234567 x12"), person("Anna", "Schulz").phone("089 1234567 ext. 12"));
        add(6, "a local number without area code is no identity", POSSIBLE, false,
                person("Peter", "Lang").phone("234567"), person("Peter", "Lang").phone("234567"));
        add(6, "an invalid number is no identity", POSSIBLE, false,
                person("Thomas", "Koch").mobile("0123456789"), person("Thomas", "Koch").mobile("0123456789"));
        add(6, "a toll-free number in the mobile field is not personal", POSSIBLE,
                person("Jens", "Weber").mobile("0800 1234567"), person("Frank", "Weber").mobile("0800 1234567"));
        add(6, "a service number (0180) in the mobile field is not personal", POSSIBLE,
                person("Jens", "Weber").mobile("0180 5 123456"), person("Frank", "Weber").mobile("0180 5 123456"));
        add(6, "a real mobile, another first name", CERTAIN,
                person("Jens", "Weber").mobile("0171 2345678"), person("Frank", "Weber").mobile("+49 171 2345678"));
        // the region from the contact's country before the default (DE): Zurich's 044, Vienna's 01, Austrian mobiles
        add(6, "a Swiss landline typed nationally in the CRM (country CH)", CERTAIN,
                person("Ursula", "Keller").phone("+41 44 668 18 00"), person("Ursula", "Keller").country("CH").phone("044 668 18 00"));
        add(6, "a Swiss landline typed nationally on both sides (country CH)", CERTAIN,
                person("Ursula", "Keller").country("ch").phone("044 668 18 00"), person("Ursula", "Keller").country("CH").phone("044-668 18 00"));
        add(6, "a Swiss 044 is not the German 04466", POSSIBLE,
                person("Ursula", "Keller").country("CH").phone("044 668 18 00"), person("Ursula", "Keller").phone("044 668 18 00"));
        add(6, "an Austrian mobile typed nationally in the CRM (country AT)", CERTAIN,
                person("Thomas", "Huber").mobile("+43 664 1234567"), person("Thomas", "Huber").country("AT").mobile("0664 1234567"));
        add(6, "a Viennese landline typed nationally (country AT)", CERTAIN,
                person("Maria", "Gruber").country("AT").phone("01 5880 0"), person("Maria", "Gruber").phone("+43 1 58800"));
        add(6, "an Austrian mobile is not the German 06641", POSSIBLE,
                person("Florian", "Huber").country("AT").mobile("0664 1234567"), person("Florian", "Huber").phone("0664 1234567"));
    }

    /** Point 7: names as people write them. */
    private void namesAsPeopleWriteThem() {
        add(7, "family name first", POSSIBLE,
                person("Müller", "Thomas").email("thomas.mueller@web.de"), person("Thomas", "Müller").email("t.mueller@firma.de"));
        add(7, "a double name", POSSIBLE,
                person("Thomas", "Müller-Lüdenscheidt").email("tml@web.de"), person("Thomas", "Müller").email("t.mueller@firma.de"));
        add(7, "Herr before the first name at the landline", CERTAIN,
                person("Herr Thomas", "Müller").phone("089 1234567"), person("Thomas", "Müller").phone("089 1234567"));
        add(7, "Frau as the title", CERTAIN,
                person("Frau Anna", "Müller").phone("089 1234567"), person("Anna", "Müller").phone("089 1234567"));
        add(7, "a decomposed (NFD) umlaut with the same mobile", CERTAIN,
                person("Anna", "Mu\u0308ller").mobile("0171 2345678"), person("Anna", "Müller").mobile("0171 2345678"));
        add(7, "Turkish dotless i in capitals with the same mobile", CERTAIN,
                person("Ayşe", "YILDIZ").mobile("0171 2345678"), person("Ayşe", "Yıldız").mobile("0171 2345678"));
    }

    /** Point 8: e-mail normalisation. */
    private void emailNormalisation() {
        add(8, "a plus-tag on a company domain", CERTAIN,
                person("Anna", "Meier").email("anna.meier+crm@firma.de"), person("Anna", "Meier").email("anna.meier@firma.de"));
        add(8, "a decomposed umlaut in the local part", CERTAIN,
                person("Jürgen", "Meier").email("ju\u0308rgen@firma.de"), person("Jürgen", "Meier").email("jürgen@firma.de"));
        add(8, "straße.de is not strasse.de (UTS-46)", POSSIBLE,
                person("Anna", "Meier").email("anna@straße.de"), person("Anna", "Meier").email("anna@strasse.de"));
    }

    private static Person person(String first, String last) {
        return new Person(first, last);
    }

    /** A contact as typed, built up value by value. */
    static final class Person {
        private final String first;
        private final String last;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private final List<String> mobiles = new ArrayList<>();
        private String country = "";

        Person(String first, String last) {
            this.first = first;
            this.last = last;
        }

        Person email(String value) {
            emails.add(value);
            return this;
        }

        Person phone(String value) {
            phones.add(value);
            return this;
        }

        Person country(String code) {
            country = code;
            return this;
        }

        Person mobile(String value) {
            mobiles.add(value);
            return this;
        }

        ContactCandidate candidate() {
            return new ContactCandidate("", first, last, emails, phones, mobiles, "", country);
        }
    }
}
