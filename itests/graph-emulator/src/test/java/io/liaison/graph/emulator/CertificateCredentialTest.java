package io.liaison.graph.emulator;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

import static io.liaison.graph.emulator.TestClient.enc;
import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class CertificateCredentialTest {

    static String jwt(String clientId, PrivateKey key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String claims = b64.encodeToString(("{\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId + "\",\"exp\":" + (now + 600)
                + ",\"jti\":\"1\"}").getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(s.sign());
    }

    @Test
    void clientAssertionSignedByTheRegisteredCertificateSignsIn() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = GraphEmulator.class.getResourceAsStream("emulator-keystore.p12")) {
            ks.load(in, "emulator".toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("emulator", "emulator".toCharArray());
        try (GraphEmulator emulator = GraphEmulator.start()) {
            emulator.registerApplication(TestClient.TENANT, "cert-app", (X509Certificate) ks.getCertificate("emulator"));
            TestClient client = new TestClient(emulator);
            String base = "grant_type=client_credentials&client_id=cert-app&scope=" + enc("https://graph.microsoft.com/.default")
                    + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion=";
            assertThat(client.token(base + jwt("cert-app", key)).statusCode()).isEqualTo(200);
            String forged = jwt("cert-app", key);
            forged = forged.substring(0, forged.length() - 4) + "AAAA";
            var refused = client.token(base + forged);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
        }
    }
}
