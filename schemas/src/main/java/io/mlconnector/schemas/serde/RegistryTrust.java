package io.mlconnector.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS trust for an https schema registry signed by a private CA: the JVM's default CAs plus those of a PEM bundle
 * ({@link AvroSerdeConfig#TRUSTSTORE_LOCATION}), so the same JVM still reaches public hosts (Procore, BC).
 */
final class RegistryTrust {

    private RegistryTrust() {
    }

    static SSLContext withExtraCas(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int n = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("default-" + n++, ca);
                    }
                }
            }
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(pemFile)) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw new ConfigException(AvroSerdeConfig.TRUSTSTORE_LOCATION, pemFile.toString(),
                        "holds no PEM certificate: give the CA bundle that signed the registry's certificate");
            }
            for (Certificate ca : extra) {
                store.setCertificateEntry("extra-" + n++, ca);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new ConfigException(AvroSerdeConfig.TRUSTSTORE_LOCATION, pemFile.toString(),
                    "cannot be read (" + e.getMessage() + "): mount the registry's CA bundle there");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(AvroSerdeConfig.TRUSTSTORE_LOCATION, pemFile.toString(),
                    "is not a PEM file of certificates (" + e.getMessage() + ")");
        }
    }
}
