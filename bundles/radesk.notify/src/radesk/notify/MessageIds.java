package radesk.notify;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A notice's Message-ID, fixed when the notice is queued (and kept by a retry, so that a message
 * the server may already hold is the same message): the certificate, the stage and 8 random bytes
 * at the sender's domain — unguessable, so that nobody can forge a "genuine" reference.
 */
public final class MessageIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private MessageIds() {
	}

	public static String renewal(String certificateSerial, int stage, String senderDomain) {
		byte[] b = new byte[8];
		RANDOM.nextBytes(b);
		return "<renewal." + certificateSerial + "." + stage + "." + HexFormat.of().formatHex(b) + "@" + senderDomain + ">";
	}
}
