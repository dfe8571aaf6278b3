package io.mlconnector.service.config;

import io.mlconnector.tenant.FileTenantRegistry;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The tenants this deployment serves, from the tenants file ({@code mlc.tenants.file}) whose secrets are decrypted
 * with the deployment's keys ({@code mlc.encryption-keys}, which Spring also reads from the
 * {@code MLC_ENCRYPTION_KEYS} environment variable).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantRegistryConfiguration.TenantsProperties.class)
public class TenantRegistryConfiguration {

    /**
     * @param file                  the tenants file, {@code {"tenants":[...]}}
     * @param allowPlaintextSecrets local sandbox runs only: accept secrets that are not encrypted
     */
    @ConfigurationProperties("mlc.tenants")
    public record TenantsProperties(@DefaultValue("tenants.json") Path file,
                                    @DefaultValue("false") boolean allowPlaintextSecrets) {
    }

    @Bean
    public TenantRegistry tenantRegistry(TenantsProperties properties, Environment environment) {
        String keys = environment.getProperty(KeyRing.SYSTEM_PROPERTY);
        SecretCipher cipher = keys == null || keys.isBlank() ? null : new SecretCipher(KeyRing.parse(keys));
        if (cipher == null && !properties.allowPlaintextSecrets()) {
            throw new IllegalStateException("No encryption keys: set " + KeyRing.ENV_VAR + " (or "
                    + KeyRing.SYSTEM_PROPERTY + ") to read the encrypted tenants file " + properties.file());
        }
        TenantFile format = properties.allowPlaintextSecrets()
                ? TenantFile.allowingPlaintextSecrets(cipher)
                : new TenantFile(cipher);
        return new FileTenantRegistry(properties.file(), format);
    }
}
