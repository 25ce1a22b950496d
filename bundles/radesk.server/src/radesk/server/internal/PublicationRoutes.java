package radesk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import radesk.api.PublicationDesk;
import radesk.api.ServiceException;

/**
 * The plain-HTTP listener's routes, for relying parties (RFC 5280 CDP and AIA, RFC 6960 appendix A,
 * RFC 5019): {@code GET|HEAD /crl/issuing.crl} (application/pkix-crl), {@code GET|HEAD
 * /ca/issuing.cer} and {@code /ca/root.cer} (application/pkix-cert), {@code POST /ocsp} and
 * {@code GET /ocsp/<base64 request>} (application/ocsp-response). CRLs and GET OCSP answers carry
 * {@code ETag}, {@code Last-Modified}, {@code Expires} and a {@code Cache-Control} max-age no later
 * than the next scheduled CRL (or OCSP refresh) and never beyond nextUpdate; conditional requests
 * get 304. Nothing else is answered but 404 or 405.
 */
final class PublicationRoutes {

	/** In a test run: the public base URL this server set to its own listener. */
	private static final String BOUND = "radesk.publish.url.bound";
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
	private static final int MAX_GET_PATH = 2 * PublicationDesk.MAX_OCSP_REQUEST;
	private final PublicationDesk desk;
	private final java.time.Clock clock;

	PublicationRoutes(PublicationDesk desk, java.time.Clock clock) {
		this.desk = desk;
		this.clock = clock;
	}

	/**
	 * The public base URL written into certificates: checked (a loopback address only in a test
	 * run), and in a test run with none set, this listener's own address (it may have bound port 0).
	 */
	static void checkPublicBase(String publishHost, int publishPort) {
		String set = System.getProperty(radesk.core.PublicBase.PROPERTY);
		if (radesk.core.TimeSource.testRun() && (set == null || set.equals(System.getProperty(BOUND)))) {
			// none set, or set by an earlier start of this server in the same test run (its port is gone)
			String bound = "http://" + publishHost + ":" + publishPort;
			System.setProperty(radesk.core.PublicBase.PROPERTY, bound);
			System.setProperty(BOUND, bound);
		}
		String problem = radesk.core.PublicBase.problem(radesk.core.PublicBase.current());
		if (problem != null) {
			throw new IllegalStateException(radesk.core.PublicBase.PROPERTY + "=" + radesk.core.PublicBase.current() + ": " + problem);
		}
		System.getLogger(PublicationRoutes.class.getName()).log(System.Logger.Level.INFO, "certificates name "
				+ radesk.core.PublicBase.current() + " for their CRL, CA certificate and OCSP (" + radesk.core.PublicBase.PROPERTY
				+ "); served here on " + publishHost + ":" + publishPort);
	}

	void handle(Request request, Response response, Callback callback) {
		String method = request.getMethod();
		String path = request.getHttpURI().getPath();
		boolean get = "GET".equals(method);
		boolean head = "HEAD".equals(method);
		try {
			if (path.equals("/crl/issuing.crl")) {
				if (!get && !head) {
					notAllowed(response, callback, "GET, HEAD");
					return;
				}
				crl(request, response, callback, head);
			} else if (path.equals("/ca/issuing.cer") || path.equals("/ca/root.cer")) {
				if (!get && !head) {
					notAllowed(response, callback, "GET, HEAD");
					return;
				}
				byte[] der = desk.caCertificate(path.equals("/ca/root.cer") ? "root" : "issuing").orElseThrow();
				String etag = "\"" + HexFormat.of().formatHex(sha256(der), 0, 16) + "\"";
				response.getHeaders().put(HttpHeader.ETAG, etag);
				response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=86400, no-transform");
				if (notModified(request, response, callback, etag, null)) {
					return;
				}
				bytes(response, callback, 200, "application/pkix-cert", head ? null : der, der.length);
			} else if (path.equals("/ocsp") && "POST".equals(method)) {
				ocspPost(request, response, callback);
			} else if (path.startsWith("/ocsp/") && (get || head)) {
				ocspGet(request, response, callback, path.substring("/ocsp/".length()), head);
			} else if (path.equals("/ocsp") || path.startsWith("/ocsp/")) {
				notAllowed(response, callback, path.equals("/ocsp") ? "POST" : "GET, HEAD");
			} else {
				text(response, callback, 404, "not found: this listener serves /crl/issuing.crl, /ca/issuing.cer, /ca/root.cer and /ocsp");
			}
		} catch (ServiceException | RuntimeException | IOException e) {
			System.getLogger(PublicationRoutes.class.getName()).log(System.Logger.Level.ERROR, "publication failed on " + path, e);
			text(response, callback, 503, "not available right now: try again shortly");
		}
	}

	private void crl(Request request, Response response, Callback callback, boolean head) throws ServiceException, IOException {
		PublicationDesk.Crl crl = desk.currentCrl();
		Instant now = clock.instant();
		Instant until = crl.refreshBy().isBefore(crl.nextUpdate()) ? crl.refreshBy() : crl.nextUpdate();
		String etag = "\"crl-" + crl.number() + "\"";
		cacheHeaders(response, etag, crl.thisUpdate(), until, now);
		if (notModified(request, response, callback, etag, crl.thisUpdate())) {
			return;
		}
		long size = java.nio.file.Files.size(crl.file());
		response.setStatus(200);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/pkix-crl");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(size));
		if (head) {
			response.write(true, null, callback);
			return;
		}
		// streamed from the file: a CRL of a million entries is never held in memory per request
		// in 256 KiB direct buffers: a 48 MB CRL in a couple of hundred writes
		Content.copy(Content.Source.from(new org.eclipse.jetty.io.ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true,
				256 * 1024), crl.file()), response, callback);
	}

	private void ocspPost(Request request, Response response, Callback callback) throws IOException {
		long length = request.getLength();
		byte[] der;
		if (length > PublicationDesk.MAX_OCSP_REQUEST) {
			der = null; // not read: answered malformedRequest, the connection closed behind it
		} else {
			try (InputStream in = Content.Source.asInputStream(request)) {
				der = in.readNBytes(PublicationDesk.MAX_OCSP_REQUEST + 1);
			}
		}
		ocsp(response, callback, desk.ocsp(der), false, false);
	}

	private void ocspGet(Request request, Response response, Callback callback, String encoded, boolean head) {
		byte[] der = null;
		if (encoded.length() <= MAX_GET_PATH) {
			try {
				String b64 = percentDecoded(encoded);
				der = b64.indexOf('-') >= 0 || b64.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(b64) : Base64.getDecoder().decode(b64);
			} catch (IllegalArgumentException e) {
				der = null;
			}
		}
		PublicationDesk.OcspAnswer answer = desk.ocsp(der);
		if (answer.thisUpdate() != null) {
			String etag = "\"" + HexFormat.of().formatHex(sha256(answer.der()), 0, 16) + "\"";
			cacheHeaders(response, etag, answer.thisUpdate(), answer.nextUpdate(), clock.instant());
			if (notModified(request, response, callback, etag, null)) {
				return;
			}
		}
		ocsp(response, callback, answer, true, head);
	}

	private static void ocsp(Response response, Callback callback, PublicationDesk.OcspAnswer answer, boolean cacheable, boolean head) {
		if (!cacheable || answer.thisUpdate() == null) {
			response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		}
		bytes(response, callback, 200, "application/ocsp-response", head ? null : answer.der(), answer.der().length);
	}

	private static void cacheHeaders(Response response, String etag, Instant thisUpdate, Instant until, Instant now) {
		long maxAge = Math.max(0, Duration.between(now, until).getSeconds());
		response.getHeaders().put(HttpHeader.ETAG, etag);
		response.getHeaders().put(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(thisUpdate.atZone(ZoneOffset.UTC)));
		response.getHeaders().put(HttpHeader.EXPIRES, HTTP_DATE.format(until.atZone(ZoneOffset.UTC)));
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=" + maxAge + ", no-transform, must-revalidate");
	}

	/** Answers 304 when the client's copy is current (its ETag, or its date when it sent no ETag). */
	private static boolean notModified(Request request, Response response, Callback callback, String etag, Instant modified) {
		String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
		boolean current;
		if (ifNoneMatch != null) {
			current = ifNoneMatch.strip().equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
					.map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
		} else {
			String since = request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE);
			current = false;
			if (since != null && modified != null && since.length() < 64) {
				try {
					current = !modified.isAfter(ZonedDateTime.parse(since.strip(), HTTP_DATE).toInstant());
				} catch (DateTimeParseException e) {
					current = false;
				}
			}
		}
		if (current) {
			response.setStatus(304);
			response.write(true, null, callback);
		}
		return current;
	}

	/** %XX decoded (a '+' stays a '+': it is base64's, not a space); a bad escape is an IllegalArgumentException. */
	static String percentDecoded(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch == '%') {
				if (i + 2 >= s.length()) {
					throw new IllegalArgumentException("a cut-off escape");
				}
				out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
				i += 2;
			} else {
				out.append(ch);
			}
		}
		return out.toString();
	}

	private static void notAllowed(Response response, Callback callback, String allow) {
		response.getHeaders().put(HttpHeader.ALLOW, allow);
		text(response, callback, 405, "method not allowed: " + allow);
	}

	private static void text(Response response, Callback callback, int status, String message) {
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		bytes(response, callback, status, "text/plain; charset=utf-8", body, body.length);
	}

	private static void bytes(Response response, Callback callback, int status, String type, byte[] body, long length) {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(length));
		response.write(true, body == null ? null : ByteBuffer.wrap(body), callback);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
