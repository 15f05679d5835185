package io.opsflow.servicenow.script;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code new GlideCertificateEncryption().generateMac(key, algorithm, data)}: the key is given
 * base64-encoded, the MAC of the data's UTF-8 bytes comes back base64-encoded.
 */
public final class GlideCertificateEncryption {

    public String generateMac(String base64Key, String algorithm, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), algorithm));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
