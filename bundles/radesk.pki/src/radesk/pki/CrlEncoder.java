package radesk.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Writes a CRL (RFC 5280 5.1) straight to DER. A CRL is mostly its list of revoked serials, and
 * building a million ASN.1 objects only to encode them again is what made the general-purpose
 * builder slow: here each entry is written as bytes, the header parts come from Bouncy Castle.
 */
final class CrlEncoder {

	/** Extensions { Extension { id-ce-cRLReasons, OCTET STRING { ENUMERATED code } } }, code appended. */
	private static final byte[] REASON_PREFIX = { 0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1D, 0x15, 0x04, 0x03, 0x0A, 0x01 };
	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
			.withZone(ZoneOffset.UTC);

	private CrlEncoder() {
	}

	static byte[] encode(byte[] issuerName, Instant thisUpdate, Instant nextUpdate, Collection<RevokedEntry> revoked,
			Extensions crlExtensions, CaSigning key) throws GeneralSecurityException {
		try {
			byte[] algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(CaSigning.ALGORITHM).getEncoded();
			ByteArrayOutputStream entries = new ByteArrayOutputStream(Math.max(64, revoked.size() * 48));
			TimeCache times = new TimeCache();
			for (RevokedEntry e : revoked) {
				byte[] serial = e.serial().toByteArray();
				byte[] date = times.encode(e.revokedAt());
				int body = 2 + serial.length + date.length + REASON_PREFIX.length + 1;
				entries.write(0x30);
				length(entries, body);
				entries.write(0x02);
				length(entries, serial.length);
				entries.write(serial);
				entries.write(date);
				entries.write(REASON_PREFIX);
				entries.write(e.reasonCode());
			}
			ByteArrayOutputStream tbs = new ByteArrayOutputStream(entries.size() + 512);
			tbs.write(new byte[] { 0x02, 0x01, 0x01 }); // version v2
			tbs.write(algorithm);
			tbs.write(issuerName);
			tbs.write(time(thisUpdate));
			tbs.write(time(nextUpdate));
			if (entries.size() > 0) {
				tbs.write(0x30);
				length(tbs, entries.size());
				entries.writeTo(tbs);
			}
			byte[] extensions = crlExtensions.getEncoded();
			tbs.write(0xA0);
			length(tbs, extensions.length);
			tbs.write(extensions);
			byte[] tbsList = wrap(0x30, tbs);

			byte[] signature = key.sign(tbsList);

			ByteArrayOutputStream crl = new ByteArrayOutputStream(tbsList.length + 256);
			crl.write(tbsList);
			crl.write(algorithm);
			crl.write(0x03);
			length(crl, signature.length + 1);
			crl.write(0x00);
			crl.write(signature);
			return wrap(0x30, crl);
		} catch (IOException e) {
			throw new GeneralSecurityException("encoding the CRL", e);
		}
	}

	/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050. */
	private static byte[] time(Instant t) {
		boolean utc = t.atZone(ZoneOffset.UTC).getYear() < 2050;
		byte[] text = (utc ? UTC_TIME : GENERALIZED_TIME).format(t).getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[text.length + 2];
		out[0] = (byte) (utc ? 0x17 : 0x18);
		out[1] = (byte) text.length;
		System.arraycopy(text, 0, out, 2, text.length);
		return out;
	}

	/** Revocations come in bursts at the same second: encode each second once. */
	private static final class TimeCache {
		private long second = Long.MIN_VALUE;
		private byte[] encoded;

		byte[] encode(Instant t) {
			if (t.getEpochSecond() != second) {
				second = t.getEpochSecond();
				encoded = time(Instant.ofEpochSecond(second));
			}
			return encoded;
		}
	}

	private static byte[] wrap(int tag, ByteArrayOutputStream content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.size() + 6);
		out.write(tag);
		length(out, content.size());
		content.writeTo(out);
		return out.toByteArray();
	}

	private static void length(ByteArrayOutputStream out, int length) {
		if (length < 0x80) {
			out.write(length);
			return;
		}
		int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
		out.write(0x80 | bytes);
		for (int i = bytes - 1; i >= 0; i--) {
			out.write(length >>> (8 * i));
		}
	}
}
