package radesk.pki;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Certificate serial numbers: 127 random bits from SecureRandom, so always positive, never zero,
 * at most 16 octets encoded (RFC 5280 4.1.2.2 allows 20), and unguessable (CA/B BR 7.1).
 */
public final class SerialNumbers {

	private final SecureRandom random;

	public SerialNumbers(SecureRandom random) {
		this.random = random;
	}

	public BigInteger next() {
		BigInteger serial;
		do {
			serial = new BigInteger(127, random);
		} while (serial.bitLength() < 64);
		return serial;
	}
}
