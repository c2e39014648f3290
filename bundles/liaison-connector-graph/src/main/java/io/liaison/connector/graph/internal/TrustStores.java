package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** Makes an OkHttp client trust the certificates of a PKCS12 trust store (a private CA, the Graph emulator). */
final class TrustStores {

    private TrustStores() {
    }

    static OkHttpClient.Builder trust(OkHttpClient.Builder builder, Path store, String password, String account) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            X509TrustManager manager = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    manager = x;
                }
            }
            if (manager == null) {
                throw new GeneralSecurityException("no X.509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return builder.sslSocketFactory(context.getSocketFactory(), manager);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectorException(account + ": cannot read the trust store " + store + ": " + e.getMessage(), e);
        }
    }
}
