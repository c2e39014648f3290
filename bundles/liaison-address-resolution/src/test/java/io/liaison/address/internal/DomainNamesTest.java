package io.liaison.address.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.IDNA;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The small UTS #46 mapping against RFC 3492's sample strings and against ICU4J's UTS #46 (the reference
 * implementation the duplicate check uses) over domains as users type them.
 */
class DomainNamesTest {
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    @Test
    void encodesAndDecodesRfc3492sSamples() {
        // RFC 3492, 7.1: (A) Arabic (Egyptian), (B) Chinese (simplified), (K) Czech, (L) 3<nen>B<gumi><kinpachi><sensei>
        List<String[]> samples = List.of(
                new String[] {"\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F",
                    "egbpdaj6bu4bxfgehfvwxn"},
                new String[] {"\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye"},
                new String[] {"Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky", "Proprostnemluvesky-uyb24dma41a"},
                new String[] {"3\u5E74B\u7D44\u91D1\u516B\u5148\u751F", "3B-ww4c5e180e575a65lsy2b"});
        for (String[] sample : samples) {
            assertThat(Punycode.encode(sample[0])).isEqualTo(sample[1]);
            assertThat(Punycode.decode(sample[1])).isEqualTo(sample[0]);
        }
    }

    @Test
    void agreesWithIcu4jsUts46() {
        List<String> domains = List.of("firma.de", "FIRMA.De", "bäckerei-müller.de", "BÄCKEREI-MÜLLER.DE", "straße.de",
                "STRASSE.de", "faß.at", "\u1E9Each.de", "münchen.de", "zürich.ch", "österreich.at", "café.fr",
                "пример.рф", "ПРИМЕР.РФ", "例え.テスト", "中国。中国", "ｆｉｒｍａ.de", "\uFB01nanz.de", "ελληνικά.gr",
                "\u03C3\u03BF\u03C6\u03CC\u03C2.gr", "i\u0307stanbul.com.tr", "\u0130stanbul.com.tr", "gma\u0131l.net",
                "u\u0308ber.de", "xn--strae-oqa.de", "xn--bckerei-mller-bfb28a.de", "vertrieb.firma.co.uk",
                "\u05D3\u05D5\u05D2\u05DE\u05D4.\u05D9\u05E9\u05E8\u05D0\u05DC", "\u0645\u062B\u0627\u0644.\u0625\u062E\u062A\u0628\u0627\u0631",
                "\u0909\u0926\u093E\u0939\u0930\u0923.\u092A\u0930\u0940\u0915\u094D\u0937\u093E", "\uD55C\uAD6D.kr",
                "\u2603.net", "ﬀ.de", "thepiratébay.org", "säkerhetsväst.se");
        for (String domain : domains) {
            StringBuilder expected = new StringBuilder();
            IDNA.Info info = new IDNA.Info();
            UTS46.nameToASCII(domain, expected, info);
            assertThat(info.hasErrors()).as(domain + " is valid for ICU4J").isFalse();
            String ascii = DomainNames.toAscii(domain);
            assertThat(ascii).as(domain).isEqualTo(expected.toString().toLowerCase(Locale.ROOT));
            StringBuilder unicode = new StringBuilder();
            UTS46.nameToUnicode(ascii, unicode, new IDNA.Info());
            assertThat(DomainNames.toUnicode(ascii)).as(ascii).isEqualTo(unicode.toString());
        }
    }

    @Test
    void refusesWhatIcu4jRefuses() {
        for (String domain : List.of("a..de", "-firma.de", "firma-.de", "\u0308ber.de", "ab--cd.de".replace("ab--", "xn--a-"),
                "xn--strasse-.de", "a\u200Db.de", "fir ma.de", "firma!.de")) {
            StringBuilder ignored = new StringBuilder();
            IDNA.Info info = new IDNA.Info();
            UTS46.nameToASCII(domain, ignored, info);
            boolean icuRefuses = info.hasErrors() || !ignored.toString().matches("[a-z0-9.-]+");
            assertThat(icuRefuses).as(domain + " is invalid for ICU4J").isTrue();
            assertThatThrownBy(() -> {
                String ascii = DomainNames.toAscii(domain);
                if (!ascii.matches("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+")) {
                    throw new IllegalArgumentException("not an LDH domain: " + ascii);
                }
            }).as(domain).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
