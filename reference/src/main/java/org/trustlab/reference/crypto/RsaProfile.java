package org.trustlab.reference.crypto;

/**
 * How an RSA identity signs and encrypts. {@code PKCS1_V15} is what ByteSync ships (RSA PKCS#1 v1.5 signatures
 * and encryption); {@code PSS_OAEP} is the hardened choice (RSASSA-PSS and RSAES-OAEP, both with SHA-256 and MGF1).
 */
public enum RsaProfile {
    PKCS1_V15,
    PSS_OAEP
}
