package radesk.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The RA's OCSP responder (RFC 6960, the RFC 5019 lightweight profile), signing with a delegated
 * responder certificate ({@link OcspSigner}). A request for one certificate without a nonce gets a
 * response signed earlier and kept (RFC 5019 2.2: pre-produced), until it is {@code refresh} old or
 * the caller's {@code generation} — which moves with every change of any certificate's status —
 * has moved on; a nonce asks for a fresh signature and gets one. What cannot be parsed, is larger
 * than {@value #MAX_REQUEST} bytes, asks for more than {@value #MAX_CERTIFICATES} certificates or
 * carries a nonce of more than 32 octets (RFC 8954) is answered {@code malformedRequest} from a
 * constant: no lookup, no signature. A certificate of another issuer: {@code unauthorized}.
 */
public final class OcspResponder {

	private static final System.Logger LOG = System.getLogger(OcspResponder.class.getName());

	/** The largest request read; anything longer is malformed. */
	public static final int MAX_REQUEST = 4096;
	static final int MAX_CERTIFICATES = 8;
	private static final int CACHED = 100_000;

	/** A certificate's status as the records tell it. */
	public record Status(boolean known, Instant revokedAt, int reason) {
		public static final Status GOOD = new Status(true, null, -1);
		public static final Status UNKNOWN = new Status(false, null, -1);

		/** Revoked at {@code at} for the RFC 5280 reason code (6: certificateHold, a suspension). */
		public static Status revoked(Instant at, int reason) {
			return new Status(true, at, reason);
		}
	}

	/** Looks up one serial in the records. */
	@FunctionalInterface
	public interface Lookup {
		Status status(BigInteger serial) throws Exception;
	}

	/** An answer: the DER of an OCSPResponse, and for HTTP caching the validity of what it says (null when it says nothing cacheable). */
	public record Answer(byte[] der, Instant thisUpdate, Instant nextUpdate) {
	}

	private static final Answer MALFORMED = constant(OCSPRespBuilder.MALFORMED_REQUEST);
	private static final Answer INTERNAL_ERROR = constant(OCSPRespBuilder.INTERNAL_ERROR);
	private static final Answer UNAUTHORIZED = constant(OCSPRespBuilder.UNAUTHORIZED);

	private final X509CertificateHolder issuer;
	private final Supplier<OcspSigner> signer;
	private final Clock clock;
	private final Duration validity;
	private final Duration refresh;
	private final DigestCalculatorProvider digests;
	/** Kept answers by certificate (hash algorithm and serial) and by the very bytes of the request that asked. */
	private final Map<Object, Answer> kept = new LinkedHashMap<>(1024, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Object, Answer> eldest) {
			return size() > CACHED;
		}
	};
	private long keptGeneration = Long.MIN_VALUE;

	/**
	 * Answers for certificates of {@code issuer}; responses say {@code validity} (nextUpdate) and
	 * are signed again once {@code refresh} old.
	 */
	public OcspResponder(X509Certificate issuer, Supplier<OcspSigner> signer, Clock clock, Duration validity, Duration refresh)
			throws java.security.GeneralSecurityException {
		try {
			this.issuer = new JcaX509CertificateHolder(issuer);
			this.digests = new JcaDigestCalculatorProviderBuilder().build();
		} catch (org.bouncycastle.operator.OperatorCreationException e) {
			throw new java.security.GeneralSecurityException(e);
		}
		this.signer = signer;
		this.clock = clock;
		this.validity = validity;
		this.refresh = refresh;
	}

	/** Answers {@code request}; never throws: whatever goes wrong is an OCSP error status. */
	public Answer answer(byte[] request, Lookup lookup, long generation) {
		if (request == null || request.length == 0 || request.length > MAX_REQUEST) {
			return MALFORMED;
		}
		// the same bytes asked again (RFC 5019 clients ask alike for the same certificate): the kept answer, nothing parsed
		Bytes same = new Bytes(request);
		synchronized (kept) {
			Answer earlier = generation == keptGeneration ? kept.get(same) : null;
			if (earlier != null && clock.instant().isBefore(earlier.thisUpdate().plus(refresh))) {
				return earlier;
			}
		}
		OCSPReq parsed;
		Req[] asked;
		Extension nonce;
		try {
			parsed = new OCSPReq(request);
			asked = parsed.getRequestList();
			nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (asked.length == 0 || asked.length > MAX_CERTIFICATES
					|| nonce != null && ASN1OctetString.getInstance(nonce.getParsedValue()).getOctets().length > 32) {
				return MALFORMED;
			}
			for (Req r : asked) {
				if (!r.getCertID().matchesIssuer(issuer, digests)) {
					return UNAUTHORIZED;
				}
			}
		} catch (Exception e) {
			return MALFORMED;
		}
		try {
			if (asked.length == 1 && nonce == null) {
				CertificateID id = asked[0].getCertID();
				String key = id.getHashAlgOID().getId() + ":" + id.getSerialNumber().toString(16);
				synchronized (kept) {
					if (generation != keptGeneration) {
						kept.clear();
						keptGeneration = generation;
					}
					Answer earlier = kept.get(key);
					if (earlier != null && clock.instant().isBefore(earlier.thisUpdate().plus(refresh))) {
						kept.put(same, earlier);
						return earlier;
					}
				}
				Answer fresh = sign(asked, null, lookup);
				synchronized (kept) {
					if (generation == keptGeneration) {
						kept.put(key, fresh);
						kept.put(same, fresh);
					}
				}
				return fresh;
			}
			return sign(asked, nonce, lookup);
		} catch (Exception e) {
			// the records or the responder's key failed us, not the client: it hears internalError, the cause goes to the log
			LOG.log(System.Logger.Level.ERROR, "an OCSP answer could not be made", e);
			return INTERNAL_ERROR;
		}
	}

	private Answer sign(Req[] asked, Extension nonce, Lookup lookup) throws Exception {
		OcspSigner by = signer.get();
		X509CertificateHolder responder = new JcaX509CertificateHolder(by.certificate());
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Instant next = now.plus(validity);
		BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(SubjectPublicKeyInfo.getInstance(
				responder.getSubjectPublicKeyInfo()), digests.get(CertificateID.HASH_SHA1)));
		for (Req r : asked) {
			Status s = lookup.status(r.getCertID().getSerialNumber());
			CertificateStatus status = !s.known() ? new UnknownStatus()
					: s.revokedAt() == null ? CertificateStatus.GOOD
							: new RevokedStatus(Date.from(s.revokedAt()), s.reason());
			b.addResponse(r.getCertID(), status, Date.from(now), Date.from(next), null);
		}
		if (nonce != null) {
			b.setResponseExtensions(new Extensions(nonce));
		}
		byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, b.build(
				new JcaContentSignerBuilder("SHA256withECDSA").build(by.key()), new X509CertificateHolder[] { responder },
				Date.from(now))).getEncoded();
		return new Answer(der, now, next);
	}

	/** A request's bytes as a key: compared whole, hashed once. */
	private static final class Bytes {
		private final byte[] bytes;
		private final int hash;

		Bytes(byte[] bytes) {
			this.bytes = bytes.clone();
			this.hash = java.util.Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Bytes b && b.hash == hash && java.util.Arrays.equals(b.bytes, bytes);
		}

		@Override
		public int hashCode() {
			return hash;
		}
	}

	private static Answer constant(int status) {
		try {
			return new Answer(new OCSPRespBuilder().build(status, null).getEncoded(), null, null);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
