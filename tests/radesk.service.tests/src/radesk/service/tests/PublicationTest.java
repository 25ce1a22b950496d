package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.FormDesk;
import radesk.core.TimeSource;
import radesk.core.card.KeyKind;
import radesk.core.review.Decision;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
import radesk.testing.SoftHsm;

/**
 * What relying parties see, from outside with openssl and plain HTTP against the built server on
 * loopback: the CRL at the certificate's CDP and the CA certificate at its AIA, OCSP at its AIA —
 * good, then revoked (with the reason) after a revocation at the counter, unknown for a serial never
 * issued, malformedRequest for garbage — and a CRL older than its schedule never handed out.
 */
class PublicationTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private static Path dir;

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
		dir = Files.createTempDirectory("publication");
	}

	private static String base() throws Exception {
		return RelyingParty.base();
	}

	private static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String url(String text, String label) {
		Matcher m = Pattern.compile(label + "\\s*-?\\s*URI:(\\S+)").matcher(text);
		assertTrue(m.find(), label + " in\n" + text);
		return m.group(1);
	}

	@Test
	void relyingPartiesFetchTheCrlAndAskOcspAtTheUrlsInTheCertificateAndSeeARevocationAtOnce() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);
		Path leaf = Files.writeString(dir.resolve("leaf.pem"), ServiceFlowTest.pem(cert.der()));
		String text = SoftHsm.run("openssl", "x509", "-in", leaf.toString(), "-noout", "-text");
		String crlUrl = url(text, "Full Name:\\s*");
		String caUrl = url(text, "CA Issuers");
		String ocspUrl = url(text, "OCSP");
		assertEquals(base() + "/crl/issuing.crl", crlUrl, "the CDP names the listener that serves the CRL");
		assertEquals(base() + "/ca/issuing.cer", caUrl);
		assertEquals(base() + "/ocsp", ocspUrl);

		// the CA certificates from AIA, as a relying party builds the chain
		HttpResponse<byte[]> issuing = get(caUrl);
		assertEquals(200, issuing.statusCode());
		assertEquals("application/pkix-cert", issuing.headers().firstValue("Content-Type").orElseThrow());
		HttpResponse<byte[]> root = get(base() + "/ca/root.cer");
		Path issuingPem = Files.writeString(dir.resolve("issuing.pem"), ServiceFlowTest.pem(issuing.body()));
		Path chain = Files.writeString(dir.resolve("chain.pem"), ServiceFlowTest.pem(issuing.body()) + ServiceFlowTest.pem(root.body()));

		// the CRL over plain HTTP with its cache headers; a client holding this one hears 304
		HttpResponse<byte[]> crl = get(crlUrl);
		assertEquals(200, crl.statusCode());
		assertEquals("application/pkix-crl", crl.headers().firstValue("Content-Type").orElseThrow());
		String etag = crl.headers().firstValue("ETag").orElseThrow();
		assertTrue(crl.headers().firstValue("Last-Modified").isPresent());
		String cache = crl.headers().firstValue("Cache-Control").orElseThrow();
		long maxAge = Long.parseLong(cache.replaceAll(".*max-age=(\\d+).*", "$1"));
		assertTrue(maxAge > 0 && maxAge <= Duration.ofDays(1).getSeconds(), "cached no longer than the next scheduled CRL: " + cache);
		assertEquals(304, get(crlUrl, "If-None-Match", etag).statusCode());
		Path crlFile = Files.write(dir.resolve("first.crl"), crl.body());
		String crlText = SoftHsm.run("openssl", "crl", "-inform", "DER", "-in", crlFile.toString(), "-noout", "-text");
		assertTrue(crlText.contains("Next Update"), crlText);

		// openssl fetches the CRL itself from the CDP, and asks OCSP (with a nonce, which comes back)
		String verdict = RelyingParty.crlCheck(chain, leaf);
		assertTrue(verdict.contains(": OK"), verdict);
		String good = RelyingParty.ocsp(issuingPem, chain, leaf, ocspUrl);
		assertTrue(good.contains("Response verify OK") && good.contains(leaf + ": good"), good);
		assertFalse(good.contains("WARNING"), "the nonce is answered: " + good);

		// a serial this CA never issued
		String unknown = SoftHsm.runAllowingFailure("openssl", "ocsp", "-issuer", issuingPem.toString(), "-serial", "0x1234567890abcdef",
				"-url", ocspUrl, "-CAfile", chain.toString());
		assertTrue(unknown.contains("0x1234567890abcdef: unknown"), unknown);

		// RFC 5019 GET, without a nonce: a pre-signed answer, cacheable, the same until something changes
		Path request = dir.resolve("request.der");
		SoftHsm.run("openssl", "ocsp", "-issuer", issuingPem.toString(), "-cert", leaf.toString(), "-no_nonce", "-reqout",
				request.toString());
		String encoded = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(Files.readAllBytes(request)),
				java.nio.charset.StandardCharsets.US_ASCII);
		HttpResponse<byte[]> viaGet = get(base() + "/ocsp/" + encoded);
		assertEquals(200, viaGet.statusCode());
		assertEquals("application/ocsp-response", viaGet.headers().firstValue("Content-Type").orElseThrow());
		assertTrue(viaGet.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));
		assertEquals(304, get(base() + "/ocsp/" + encoded, "If-None-Match", viaGet.headers().firstValue("ETag").orElseThrow())
				.statusCode());
		String read = SoftHsm.runAllowingFailure("openssl", "ocsp", "-respin", Files.write(dir.resolve("get.der"), viaGet.body()).toString(),
				"-issuer", issuingPem.toString(), "-cert", leaf.toString(), "-CAfile", chain.toString());
		assertTrue(read.contains(leaf + ": good"), read);

		// revoked at the counter: the mailroom takes the form in, an officer approves
		FormDesk forms = Services.await(FormDesk.class);
		long formId = forms.submitRevocation(Staff.MAILROOM, cert.identifier(), RevocationReason.DATA_CHANGED, "moved abroad");
		assertTrue(forms.forms(Staff.OFFICER, FormState.IN_REVIEW).stream().anyMatch(f -> f.id() == formId));
		forms.decide(Staff.OFFICER, formId, Decision.approve());
		Thread.sleep(1_100); // the responder reads the status counter at most once a second

		String revokedCrl = RelyingParty.crlCheck(chain, leaf);
		assertTrue(revokedCrl.contains("certificate revoked"), revokedCrl);
		String revoked = RelyingParty.ocsp(issuingPem, chain, leaf, ocspUrl);
		assertTrue(revoked.contains(leaf + ": revoked") && revoked.contains("Reason: affiliationChanged"), revoked);
		HttpResponse<byte[]> againViaGet = get(base() + "/ocsp/" + encoded);
		String readAgain = SoftHsm.runAllowingFailure("openssl", "ocsp", "-respin",
				Files.write(dir.resolve("get2.der"), againViaGet.body()).toString(), "-issuer", issuingPem.toString(), "-cert",
				leaf.toString(), "-CAfile", chain.toString());
		assertTrue(readAgain.contains(leaf + ": revoked"), "the kept GET answer was signed again after the change: " + readAgain);
		assertFalse(etag.equals(get(crlUrl).headers().firstValue("ETag").orElseThrow()), "a new CRL, a new ETag");
	}

	@Test
	void garbageAndOversizedOcspRequestsAreAnsweredMalformedAndOtherMethodsAndPathsRefused() throws Exception {
		for (byte[] body : new byte[][] { "not DER at all".getBytes(), new byte[10_000], new byte[0] }) {
			HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/ocsp"))
					.header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertEquals(200, answer.statusCode());
			assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());
			String text = SoftHsm.runAllowingFailure("openssl", "ocsp", "-respin",
					Files.write(dir.resolve("malformed.der"), answer.body()).toString(), "-resp_text", "-noverify");
			assertTrue(text.contains("malformedrequest"), text);
		}
		HttpResponse<byte[]> notBase64 = get(base() + "/ocsp/!!not-base64!!");
		assertEquals(200, notBase64.statusCode());
		assertTrue(SoftHsm.runAllowingFailure("openssl", "ocsp", "-respin", Files.write(dir.resolve("b64.der"), notBase64.body())
				.toString(), "-resp_text", "-noverify").contains("malformedrequest"));
		assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/crl/issuing.crl")).DELETE().build(),
				HttpResponse.BodyHandlers.discarding()).statusCode());
		assertEquals(404, get(base() + "/api/v1/sessions").statusCode(), "the plain listener answers nothing of the API");
		int traversal = get(base() + "/crl/%2e%2e/ca/..%2fca.p12").statusCode();
		assertTrue(traversal == 404 || traversal == 400, "nothing but the published files: " + traversal);
	}

	@Test
	void aCrlOlderThanItsScheduleIsMadeAgainBeforeItIsHandedOut() throws Exception {
		HttpResponse<byte[]> first = get(base() + "/crl/issuing.crl");
		long number = number(first);
		try {
			TimeSource.advance(Duration.ofDays(1).plusMinutes(1));
			HttpResponse<byte[]> later = get(base() + "/crl/issuing.crl");
			assertTrue(number(later) > number, "a fresh CRL once the schedule passed");
		} finally {
			TimeSource.reset();
		}
		// the clock set back: a CRL from the future is not handed out either
		HttpResponse<byte[]> now = get(base() + "/crl/issuing.crl");
		Path file = Files.write(dir.resolve("now.crl"), now.body());
		String text = SoftHsm.run("openssl", "crl", "-inform", "DER", "-in", file.toString(), "-noout", "-lastupdate");
		java.time.Instant lastUpdate = java.time.ZonedDateTime.parse(text.strip().substring("lastUpdate=".length()).replaceAll("\\s+", " "),
				java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy zzz", java.util.Locale.ENGLISH)).toInstant();
		assertFalse(lastUpdate.isAfter(java.time.Instant.now().plusSeconds(5)), text);
	}

	private static long number(HttpResponse<byte[]> crl) {
		return Long.parseLong(crl.headers().firstValue("ETag").orElseThrow().replaceAll("\\D", ""));
	}

	/**
	 * The running RA's CA (issue 14, "the CA's keys kept properly"): the issuing CA it publishes is
	 * the key on its token; its folder holds certificates and the token's PINs, no key file; the
	 * root's key went, encrypted, to a backup outside the data folder; both CA certificates audited.
	 */
	@Test
	void theRunningCaSignsWithItsTokensKeyAndKeepsNoKeyFile() throws Exception {
		HttpResponse<byte[]> issuing = get(base() + "/ca/issuing.cer");
		assertEquals(200, issuing.statusCode());
		Path data = Path.of(System.getProperty("radesk.data"));
		assertTrue(java.util.Arrays.equals(issuing.body(), Files.readAllBytes(data.resolve("ca/issuing.cer"))), "what relying parties fetch");
		java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
				.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(issuing.body()));
		radesk.core.ca.CaToken token = Services.await(radesk.core.ca.CaToken.class);
		assertTrue(java.util.Arrays.equals(certificate.getPublicKey().getEncoded(),
				token.key(radesk.core.ca.CaToken.Key.ISSUING, false).getEncoded()), "the issuing CA's key is the token's");
		try (java.util.stream.Stream<Path> files = Files.list(data.resolve("ca"))) {
			java.util.List<String> names = files.map(f -> f.getFileName().toString()).toList();
			assertTrue(names.containsAll(java.util.List.of("root.cer", "issuing.cer", "tls.cer", "token.pins")), names.toString());
			assertFalse(names.contains("ca.p12") || names.contains("ca.pin"), "no key file of the CA's: " + names);
		}
		try (java.util.stream.Stream<Path> beside = Files.list(data.toAbsolutePath().getParent())) {
			assertTrue(beside.anyMatch(f -> f.getFileName().toString().matches("radesk-root-key-[0-9-]+\\.p12")),
					"the root key's encrypted backup, outside the data folder");
		}
		try (java.sql.Connection c = Services.await(radesk.store.Database.class).connect()) {
			assertEquals(1, radesk.store.AuditRecords.about(c, "ca-certificate:" + certificate.getSerialNumber().toString(16)).stream()
					.filter(e -> e.action().equals("CA_CERTIFIED")).count(), "the issuing CA's certificate audited once");
		}
	}
}
