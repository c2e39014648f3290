package io.liaison.graph.emulator;

import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An Outlook contact holds at most 3 e-mail addresses, 2 business and 2 home phone numbers: Graph answers 400 to
 * more, on create and on update (microsoftgraph/microsoft-graph-docs issue 15276 quotes the messages).
 */
class ContactLimitsTest extends MailboxTestSupport {

    static final String UPN = "lena@contoso.com";

    ContactLimitsTest() {
        super(UPN);
    }

    private static List<Map<String, String>> addresses(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> Map.of("address", "a" + i + "@example.com")).toList();
    }

    @Test
    void fourEmailAddressesAreRefusedAndThreeTaken() throws Exception {
        HttpResponse<String> four = client.send("POST", "/users/" + UPN + "/contacts",
                Map.of("surname", "Four", "emailAddresses", addresses(4)));
        assertThat(four.statusCode()).isEqualTo(400);
        assertThat(json(four).get("error").get("message").asText())
                .isEqualTo("The multi value property EmailAddresses has 4 entries, that exceeds the max allowed value of 3");

        HttpResponse<String> three = client.send("POST", "/users/" + UPN + "/contacts",
                Map.of("surname", "Three", "emailAddresses", addresses(3), "businessPhones", List.of("1", "2"),
                        "homePhones", List.of("3", "4")));
        assertThat(three.statusCode()).isEqualTo(201);
        assertThat(json(three).get("emailAddresses")).hasSize(3);
    }

    @Test
    void threeBusinessOrHomePhonesAreRefusedOnUpdateAndTheContactStaysAsItWas() throws Exception {
        String id = json(client.send("POST", "/users/" + UPN + "/contacts",
                Map.of("surname", "Phones", "businessPhones", List.of("1")))).get("id").asText();

        HttpResponse<String> business = client.send("PATCH", "/users/" + UPN + "/contacts/" + id,
                Map.of("businessPhones", List.of("1", "2", "3")));
        HttpResponse<String> home = client.send("PATCH", "/users/" + UPN + "/contacts/" + id,
                Map.of("homePhones", List.of("1", "2", "3")));

        assertThat(business.statusCode()).isEqualTo(400);
        assertThat(json(business).get("error").get("message").asText()).contains("BusinessPhones has 3 entries");
        assertThat(home.statusCode()).isEqualTo(400);
        assertThat(json(home).get("error").get("message").asText()).contains("HomePhones has 3 entries");
        assertThat(json(client.get("/users/" + UPN + "/contacts/" + id)).get("businessPhones")).hasSize(1);
        assertThat(mailbox.patches(id)).isEmpty();
    }
}
