package io.opsflow.azure;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * HTTPS for ARM and Entra ID played by WireMock (the bearer-token policy refuses plain HTTP): the
 * self-signed {@code azure-test-tls.p12} (CN and SAN localhost, made with keytool, test use only) as the
 * server's certificate, trusted by the test's HTTP client alone.
 */
public final class ArmTestTls {

    private static final String KEYSTORE = "azure-test-tls.p12";
    private static final String PASSWORD = "test-only";

    private ArmTestTls() {
    }

    /** A WireMock server on a dynamic HTTPS port only, presenting the test certificate. */
    public static WireMockConfiguration httpsOnly() {
        return WireMockConfiguration.wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystorePath()).keystoreType("PKCS12").keystorePassword(PASSWORD).keyManagerPassword(PASSWORD);
    }

    /** An azure-core client that trusts the test certificate. */
    public static HttpClient trustingHttpClient() {
        try (InputStream in = ArmTestTls.class.getResourceAsStream("/" + KEYSTORE)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(keyStore.aliases().nextElement());
            SslContext ssl = SslContextBuilder.forClient().trustManager(certificate).build();
            return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                    .secure(spec -> spec.sslContext(ssl)))
                    .responseTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the test HTTP client", e);
        }
    }

    private static String keystorePath() {
        try {
            return Path.of(ArmTestTls.class.getResource("/" + KEYSTORE).toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
