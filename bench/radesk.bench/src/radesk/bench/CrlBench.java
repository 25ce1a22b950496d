package radesk.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import radesk.core.revocation.RevocationReason;
import radesk.pki.EmbeddedCa;
import radesk.pki.RevokedEntry;

/**
 * A CRL of N revoked certificates, signed and written as PEM, against {@code openssl ca -gencrl}
 * over the same N serials, reasons and dates (its text database prepared before the clock starts,
 * as RA Desk's list is).
 */
final class CrlBench {

	private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

	private final Path dir;
	private final EmbeddedCa ca;

	CrlBench(Path dir, EmbeddedCa ca) {
		this.dir = dir;
		this.ca = ca;
	}

	void run(int n) throws Exception {
		SecureRandom random = new SecureRandom();
		RevocationReason[] reasons = RevocationReason.values();
		Instant now = Instant.now();
		List<RevokedEntry> entries = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			entries.add(new RevokedEntry(new BigInteger(127, random).setBit(100), now.minusSeconds(i % 86_400),
					reasons[i % reasons.length]));
		}
		Path opensslCa = Files.createDirectories(dir.resolve("openssl-crl-" + System.nanoTime()));
		OpensslCa.prepare(opensslCa);
		try (BufferedWriter index = Files.newBufferedWriter(opensslCa.resolve("index.txt"), StandardCharsets.US_ASCII)) {
			String expiry = OPENSSL_TIME.format(now.plusSeconds(365L * 86_400));
			for (RevokedEntry e : entries) {
				index.write("R\t" + expiry + "\t" + OPENSSL_TIME.format(e.revokedAt()) + "," + opensslReason(e.reasonCode()) + "\t"
						+ evenHex(e.serial()) + "\tunknown\t/CN=x\n");
			}
		}

		long start = System.nanoTime();
		byte[] crl = ca.crlEncoded(entries, BigInteger.valueOf(1), now);
		try (OutputStream out = Files.newOutputStream(dir.resolve("radesk-crl.pem"))) {
			out.write("-----BEGIN X509 CRL-----\n".getBytes(StandardCharsets.US_ASCII));
			out.write(Base64.getMimeEncoder(64, new byte[] { '\n' }).encode(crl));
			out.write("\n-----END X509 CRL-----\n".getBytes(StandardCharsets.US_ASCII));
		}
		double ours = (System.nanoTime() - start) / 1e9;
		double openssl = Peer.time(opensslCa, List.of("openssl", "ca", "-gencrl", "-config", "ca.cnf", "-out", "crl.pem")).seconds();
		// seconds: lower is better, the goal is RA Desk in at most half openssl's time
		Report.ratio("CRL of " + n + " revoked certificates (sign + write PEM)", ours, "openssl ca -gencrl", openssl, "s ", "<= 0.50");
	}

	/** openssl's text database wants whole octets. */
	private static String evenHex(BigInteger serial) {
		String hex = serial.toString(16).toUpperCase();
		return hex.length() % 2 == 0 ? hex : "0" + hex;
	}

	private static String opensslReason(int code) {
		return switch (code) {
		case 1 -> "keyCompromise";
		case 3 -> "affiliationChanged";
		case 5 -> "cessationOfOperation";
		default -> "unspecified";
		};
	}
}
