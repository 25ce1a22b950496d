package radesk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP request and its answer, as the routes see them: the route ({@code "POST /applications"}),
 * headers, the bearer token, and the body read as one JSON object under a byte cap — a declared
 * length over the cap is refused before a byte is read, and the bytes are wiped once parsed.
 */
final class Call {

	private final Request request;
	private final Response response;
	private final Callback callback;
	/** Whether the body was read (or dropped): else it is dropped before the answer, so the connection can be kept. */
	private boolean bodyTaken;
	/** The body as read: read once, asked for again by the route after a wait. */
	private JsonNode body;
	private final ObjectMapper json;

	Call(Request request, Response response, Callback callback, ObjectMapper json) {
		this.request = request;
		this.response = response;
		this.callback = callback;
		this.json = json;
	}

	/** {@code "GET /health"}: the method and the path below {@code /api/v1}. */
	String route() {
		String path = request.getHttpURI().getPath();
		return request.getMethod() + " " + (path.startsWith(RaServer.BASE) ? path.substring(RaServer.BASE.length() - 1) : path);
	}

	String header(String name) {
		return request.getHeaders().get(name);
	}

	/** Which listener the request came in on ({@link HttpsListener#STAFF} or {@link HttpsListener#SUBSCRIBERS}). */
	String listener() {
		return request.getConnectionMetaData().getConnector().getName();
	}

	/** The client's address as the connection shows it (a proxy in front: the proxy's). */
	String clientAddress() {
		return Request.getRemoteAddr(request);
	}

	/** The token of an {@code Authorization: Bearer …} header, or null. */
	String bearer() {
		String auth = header("Authorization");
		return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
	}

	JsonNode body(int max) throws ApiException {
		if (body != null) {
			return body;
		}
		String type = header("Content-Type");
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json");
		}
		if (request.getLength() > max) {
			drain(request.getLength() <= DRAINED ? request.getLength() : 0);
			throw tooLarge(max);
		}
		byte[] bytes;
		bodyTaken = true;
		try (InputStream in = Content.Source.asInputStream(request)) {
			bytes = in.readNBytes(max + 1);
			if (bytes.length > max) {
				drop(in, DRAINED);
				throw tooLarge(max);
			}
		} catch (IOException e) {
			throw new ApiException(400, "BODY_UNREADABLE", "the body could not be read");
		}
		try {
			JsonNode node = json.readTree(bytes);
			if (node == null || !node.isObject()) {
				throw new ApiException(400, "MALFORMED_JSON", "the body must be one JSON object");
			}
			body = node;
			return node;
		} catch (StreamConstraintsException e) {
			throw new ApiException(400, "JSON_TOO_COMPLEX", "the body is nested too deeply or has too many parts");
		} catch (JsonProcessingException e) {
			throw new ApiException(400, "MALFORMED_JSON", "the body is not JSON: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw new ApiException(400, "MALFORMED_JSON", "the body is not JSON");
		} finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * A body a little over its cap (a clerk's form one field too long) is read to its end and dropped,
	 * at most {@value #DRAINED} bytes, so the client hears the 413 instead of a connection reset while
	 * it still sends; a larger one is refused at once and its connection closed after the answer.
	 */
	static final int DRAINED = 256 * 1024;

	private static ApiException tooLarge(int max) {
		return new ApiException(413, "BODY_TOO_LARGE", "at most " + max + " bytes");
	}

	/** Reads and drops up to {@code bytes} of the body not read yet (none when not positive). */
	private void drain(long bytes) {
		bodyTaken = true;
		if (bytes <= 0) {
			return;
		}
		try (InputStream in = Content.Source.asInputStream(request)) {
			drop(in, bytes);
		} catch (IOException e) {
			// the client went away: it hears nothing either way
		}
	}

	/** Reads and drops up to {@code bytes} more of {@code in}; a client gone away is no error of the refusal. */
	private static void drop(InputStream in, long bytes) {
		long dropped = 0;
		byte[] sink = new byte[8192];
		try {
			for (int n; dropped <= bytes && (n = in.read(sink)) >= 0;) {
				dropped += n;
			}
		} catch (IOException e) {
			// the client went away: it hears nothing either way
		}
	}

	void send(int status, JsonNode body) {
		send(status, body, 0);
	}

	void send(int status, JsonNode body, int retryAfterSeconds) {
		if (!bodyTaken) {
			// a refusal before the body was needed (no such route, no session): a small body is read and
			// dropped so the client's connection stays usable; what is not there yet, Jetty ends with the connection
			long length = request.getLength();
			if (length > 0 && length <= DRAINED) {
				drain(length);
			} else {
				bodyTaken = true;
				request.consumeAvailable();
			}
		}
		send(response, callback, status, bytes(body), retryAfterSeconds);
	}

	private byte[] bytes(JsonNode body) {
		try {
			return json.writeValueAsBytes(body);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a JSON tree that cannot be written", e);
		}
	}

	/** Writes a JSON answer and completes the request (also for answers given before a route runs). */
	static void send(Response response, Callback callback, int status, byte[] body, int retryAfterSeconds) {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		if (retryAfterSeconds > 0) {
			response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
		}
		response.write(true, ByteBuffer.wrap(body), callback);
	}

	/** A fixed error body, written without the mapper (for answers given when the server is too busy to parse). */
	static byte[] error(String code, String message) {
		return ("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}
}
