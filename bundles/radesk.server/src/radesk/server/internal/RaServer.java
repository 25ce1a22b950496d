package radesk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import radesk.api.AccountDesk;
import radesk.api.CertificateDesk;
import radesk.api.IssuedCertificate;
import radesk.api.ServiceException;
import radesk.core.DataFolder;
import radesk.core.access.Actor;
import radesk.server.RaServerEndpoint;

/**
 * The RA service over HTTPS for the subscriber edition (API v1, see {@code api/openapi.yaml}):
 * TLS 1.2/1.3 only with the RA CA's server certificate, JSON in and out, bodies capped at 16 KiB,
 * every refusal a status and a stable error code. Listens on {@code radesk.server.host}
 * (default 127.0.0.1) and {@code radesk.server.port} (default 8443); its certificate names
 * localhost, 127.0.0.1 and whatever {@code radesk.server.names} adds.
 */
@Component(immediate = true, service = RaServerEndpoint.class)
public final class RaServer implements RaServerEndpoint {

	static final int MAX_BODY = 16 * 1024;

	private final AccountDesk accounts;
	private final CertificateDesk certificates;
	private final Sessions sessions = new Sessions(Clock.systemUTC());
	private final Captchas captchas;
	private final ObjectMapper json = radesk.remote.Json.mapper();
	/** Signed-in staff of counter workstations in connected mode: their own tokens, never a subscriber's. */
	private final Sessions staffSessions = new Sessions(Clock.systemUTC());
	private final radesk.api.StaffDesk staff;
	private final StaffCalls staffCalls;
	/** A CSV of postal forms can be large: staff calls may send up to 8 MiB. */
	static final int MAX_STAFF_BODY = 8 * 1024 * 1024;
	private final HttpsServer server;
	private final ExecutorService workers = Executors.newFixedThreadPool(32);
	/**
	 * Log-ins check the password with Argon2id (64 MiB, about a core for a tenth of a second): they
	 * queue here, one per core, so a burst of log-ins never starves the quick calls of those
	 * already logged in, nor the memory.
	 */
	private final ExecutorService logIns = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

	/** The in-process service only: never a connected-mode client's stand-ins (which would call back here). */
	static final String LOCAL = "(!(radesk.remote=true))";

	@Activate
	public RaServer(@Reference(target = LOCAL) AccountDesk accounts, @Reference(target = LOCAL) CertificateDesk certificates,
			@Reference(target = LOCAL) radesk.api.StaffDesk staff, @Reference(target = LOCAL) radesk.api.CounterIntake intake,
			@Reference(target = LOCAL) radesk.api.RegistrationDesk registration, @Reference(target = LOCAL) radesk.api.MailroomDesk mailroom,
			@Reference(target = LOCAL) radesk.api.IssuanceDesk issuance, @Reference(target = LOCAL) radesk.api.FormDesk forms,
			@Reference(target = LOCAL) radesk.api.SearchDesk search, @Reference(target = LOCAL) radesk.api.AuditTrail audit,
			@Reference(target = LOCAL) radesk.api.CrlDesk crl, @Reference(target = LOCAL) radesk.api.CardDesk cards) throws Exception {
		this.accounts = accounts;
		this.certificates = certificates;
		this.staff = staff;
		// card work (personalizing, unlocking) happens at the workstation's reader: only the records' halves are callable
		this.staffCalls = new StaffCalls(json).allow(radesk.api.StaffDesk.class, staff, "signIn", "createFirstAdministrator")
				.allow(radesk.api.CounterIntake.class, intake).allow(radesk.api.RegistrationDesk.class, registration)
				.allow(radesk.api.MailroomDesk.class, mailroom).allow(radesk.api.IssuanceDesk.class, issuance)
				.allow(radesk.api.FormDesk.class, forms, "carryOutPinUnlock").allow(radesk.api.SearchDesk.class, search)
				.allow(radesk.api.AuditTrail.class, audit).allow(radesk.api.CrlDesk.class, crl)
				.allow(radesk.api.CardDesk.class, cards, "personalize");
		String host = System.getProperty("radesk.server.host", "127.0.0.1");
		int port = Integer.getInteger("radesk.server.port", 8443);
		boolean disclose = "disclosed".equals(System.getProperty("radesk.server.captcha"));
		if (disclose && !java.net.InetAddress.getByName(host).isLoopbackAddress()) {
			throw new IllegalStateException("radesk.server.captcha=disclosed is for tests on the loopback address only");
		}
		this.captchas = new Captchas(Clock.systemUTC(), disclose);
		List<List<String>> names = ServerTls.configuredNames(System.getProperty("radesk.server.names"));
		SSLContext tls = ServerTls.context(DataFolder.resolve(), names.get(0), names.get(1));
		server = HttpsServer.create(new InetSocketAddress(host, port), 128);
		server.setHttpsConfigurator(new HttpsConfigurator(tls) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters p = tls.getDefaultSSLParameters();
				p.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
				params.setSSLParameters(p);
			}
		});
		server.createContext("/api/v1/", this::handle);
		server.setExecutor(workers);
		server.start();
	}

	@Deactivate
	void stop() {
		server.stop(1);
		workers.shutdownNow();
		logIns.shutdownNow();
	}

	@Override
	public String host() {
		return server.getAddress().getHostString();
	}

	@Override
	public java.util.Optional<String> disclosedAnswer(String captchaId) {
		return captchas.disclosed(captchaId);
	}

	/** The port actually bound (a test may ask for port 0). */
	@Override
	public int port() {
		return server.getAddress().getPort();
	}

	private void handle(HttpExchange x) {
		String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
		if (route.equals("POST /api/v1/sessions") || route.equals("POST /api/v1/staff/sessions")
				|| route.equals("POST /api/v1/staff/first-administrator")) {
			logIns.execute(() -> answer(x, route));
		} else {
			answer(x, route);
		}
	}

	private void answer(HttpExchange x, String route) {
		try (x) {
			try {
				JsonNode answer = switch (route) {
				case "GET /api/v1/health" -> json.createObjectNode().put("status", "ok").put("time", java.time.Instant.now().toString());
				case "POST /api/v1/sessions" -> logIn(body(x));
				case "GET /api/v1/captcha" -> captcha();
				case "GET /api/v1/challenge" -> json.createObjectNode().put("challenge",
						java.util.Base64.getEncoder().encodeToString(accounts.cardChallenge()));
				case "POST /api/v1/card-sessions" -> cardLogIn(body(x));
				case "DELETE /api/v1/sessions" -> logOut(x);
				case "POST /api/v1/password" -> changePassword(x, body(x));
				case "GET /api/v1/certificates" -> certificates(x);
				case "POST /api/v1/applications" -> apply(x, body(x));
				case "POST /api/v1/certificates/on-card" -> confirmOnCard(x, body(x));
				case "POST /api/v1/cards/pin-strikes" -> pinStrikes(x, body(x));
				case "GET /api/v1/staff/first-administrator" -> json.createObjectNode().put("needed", staffNeedsFirst());
				case "POST /api/v1/staff/first-administrator" -> firstAdministrator(body(x));
				case "POST /api/v1/staff/sessions" -> staffSignIn(body(x));
				case "DELETE /api/v1/staff/sessions" -> staffSignOut(x);
				case "POST /api/v1/staff/call" -> staffCalls.call(staffSessionIfAny(x), body(x, MAX_STAFF_BODY));
				default -> throw new ApiException(404, "NOT_FOUND", "no such resource: " + route);
				};
				send(x, 200, answer);
			} catch (ApiException e) {
				ObjectNode error = json.createObjectNode().put("error", e.code).put("message", e.getMessage());
				if (e.triesLeft >= 0) {
					error.put("triesLeft", e.triesLeft);
				}
				if (e.detail != null) {
					error.put("detail", e.detail);
				}
				if (e.card != null) {
					error.put("card", e.card);
				}
				if (e.problems != null) {
					error.set("problems", e.problems);
				}
				send(x, e.status, error);
			}
		} catch (IOException | RuntimeException e) {
			// the client went away mid-answer; nothing was half-written on our side
		}
	}

	private JsonNode body(HttpExchange x) throws ApiException, IOException {
		return body(x, MAX_BODY);
	}

	private JsonNode body(HttpExchange x, int max) throws ApiException, IOException {
		String type = x.getRequestHeaders().getFirst("Content-Type");
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json");
		}
		byte[] bytes;
		try (InputStream in = x.getRequestBody()) {
			bytes = in.readNBytes(max + 1);
		}
		if (bytes.length > max) {
			throw new ApiException(413, "BODY_TOO_LARGE", "at most " + max + " bytes");
		}
		try {
			JsonNode node = json.readTree(bytes);
			if (node == null || !node.isObject()) {
				throw new ApiException(400, "MALFORMED_JSON", "the body must be one JSON object");
			}
			return node;
		} catch (JsonProcessingException e) {
			throw new ApiException(400, "MALFORMED_JSON", "the body is not JSON: " + e.getOriginalMessage());
		} finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	private static String text(JsonNode body, String field, int max) throws ApiException {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			throw new ApiException(400, "MISSING_FIELD", field + " is required");
		}
		if (!v.isTextual()) {
			throw new ApiException(400, "WRONG_TYPE", field + " must be a string");
		}
		if (v.textValue().length() > max) {
			throw new ApiException(400, "TOO_LONG", field + " is longer than " + max);
		}
		return v.textValue();
	}

	private Actor session(HttpExchange x) throws ApiException {
		return sessions.find(bearer(x)).orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN", "log in first"));
	}

	/** The token of an {@code Authorization: Bearer …} header, or null. */
	private static String bearer(HttpExchange x) {
		String auth = x.getRequestHeaders().getFirst("Authorization");
		return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
	}

	private JsonNode captcha() throws ApiException {
		try {
			Captchas.Captcha c = captchas.next();
			ObjectNode answer = json.createObjectNode().put("id", c.id()).put("png", c.pngBase64());
			if (c.disclosedAnswer() != null) {
				answer.put("answer", c.disclosedAnswer());
			}
			return answer;
		} catch (IOException e) {
			throw new ApiException(500, "CAPTCHA_UNAVAILABLE", "the captcha could not be drawn");
		}
	}

	private JsonNode logIn(JsonNode body) throws ApiException {
		String account = text(body, "account", 64);
		String captchaId = text(body, "captchaId", 64);
		String captcha = text(body, "captcha", 16);
		// the captcha first: a wrong one costs no password strike and tells nothing about the password
		if (!captchas.solved(captchaId, captcha)) {
			throw new ApiException(400, "CAPTCHA_WRONG", "the captcha was wrong, used or expired: get a new one");
		}
		return withPassword(body, password -> {
			Actor me = accounts.logIn(account, password, "subscriber-edition");
			return json.createObjectNode().put("token", sessions.open(me)).put("account", me.account())
					.put("idleMinutes", Sessions.IDLE.toMinutes());
		});
	}

	/** What is done with a password from the body; the service may refuse. */
	@FunctionalInterface
	private interface PasswordUse {
		JsonNode apply(char[] password) throws ServiceException, ApiException;
	}

	/** Runs {@code use} with the body's {@code password}, wiped afterwards; the service's refusal becomes the API's. */
	private static JsonNode withPassword(JsonNode body, PasswordUse use) throws ApiException {
		char[] password = text(body, "password", 128).toCharArray();
		try {
			return use.apply(password);
		} catch (ServiceException e) {
			throw refusal(e);
		} finally {
			Arrays.fill(password, '\0');
		}
	}

	/** 晶片卡登入: 憑證識別碼 + RA unit + the card's signature over a challenge from GET /challenge. */
	private JsonNode cardLogIn(JsonNode body) throws ApiException {
		String identifier = text(body, "identifier", 32);
		String raUnit = text(body, "raUnit", 32);
		if (!captchas.solved(text(body, "captchaId", 64), text(body, "captcha", 16))) {
			throw new ApiException(400, "CAPTCHA_WRONG", "the captcha was wrong, used or expired: get a new one");
		}
		byte[] challenge = base64(text(body, "challenge", 128), "challenge");
		byte[] signature = base64(text(body, "signature", 2048), "signature");
		try {
			Actor me = accounts.logInWithCard(identifier, raUnit, challenge, signature, "subscriber-edition");
			return json.createObjectNode().put("token", sessions.open(me)).put("account", me.account())
					.put("idleMinutes", Sessions.IDLE.toMinutes());
		} catch (ServiceException e) {
			throw refusal(e);
		}
	}

	private static byte[] base64(String text, String field) throws ApiException {
		try {
			return java.util.Base64.getDecoder().decode(text);
		} catch (IllegalArgumentException e) {
			throw new ApiException(400, "WRONG_TYPE", field + " must be base64");
		}
	}

	private JsonNode logOut(HttpExchange x) throws ApiException {
		session(x);
		sessions.close(bearer(x));
		return json.createObjectNode().put("status", "logged out");
	}

	private JsonNode changePassword(HttpExchange x, JsonNode body) throws ApiException {
		Actor me = session(x);
		char[] old = text(body, "oldPassword", 128).toCharArray();
		char[] fresh = text(body, "newPassword", 128).toCharArray();
		char[] confirm = text(body, "confirm", 128).toCharArray();
		try {
			accounts.changePassword(me, old, fresh, confirm);
			return json.createObjectNode().put("status", "password changed");
		} catch (ServiceException e) {
			throw refusal(e);
		} finally {
			Arrays.fill(old, '\0');
			Arrays.fill(fresh, '\0');
			Arrays.fill(confirm, '\0');
		}
	}

	private JsonNode certificates(HttpExchange x) throws ApiException {
		Actor me = session(x);
		try {
			ArrayNode list = json.createArrayNode();
			for (IssuedCertificate c : certificates.certificates(me)) {
				list.add(certificate(c));
			}
			return json.createObjectNode().set("certificates", list);
		} catch (ServiceException e) {
			throw refusal(e);
		}
	}

	/** A certificate as the API shows it: its state, its card, its validity and the certificate itself (DER, base64). */
	private ObjectNode certificate(IssuedCertificate c) {
		return json.createObjectNode().put("serial", c.serial()).put("identifier", c.identifier()).put("state", c.state().name())
				.put("cardSerial", c.cardSerial()).put("notBefore", c.notBefore().toString()).put("notAfter", c.notAfter().toString())
				.put("der", java.util.Base64.getEncoder().encodeToString(c.der()));
	}

	/** 憑證申請: the request made and signed on the subscriber's card, for the key {@code keyId} on card {@code cardSerial}. */
	private JsonNode apply(HttpExchange x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String card = text(body, "cardSerial", 32);
		String keyId = text(body, "keyId", 64);
		byte[] csr = base64(text(body, "csr", 8192), "csr");
		try {
			return certificate(certificates.issue(me, card, keyId, csr));
		} catch (ServiceException e) {
			throw refusal(e);
		}
	}

	/** What the subscriber's card said of its PIN: wrong PINs since the last right one (the third locks it). */
	private JsonNode pinStrikes(HttpExchange x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String card = text(body, "cardSerial", 32);
		JsonNode strikes = body.get("strikes");
		if (strikes == null || !strikes.isInt()) {
			throw new ApiException(400, "WRONG_TYPE", "strikes must be a whole number");
		}
		try {
			certificates.reportPinStrikes(me, card, strikes.intValue());
			return json.createObjectNode().put("status", "recorded");
		} catch (ServiceException e) {
			throw refusal(e);
		}
	}

	/** The card took the certificate: its key's signature over a challenge from GET /challenge proves it. */
	private JsonNode confirmOnCard(HttpExchange x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String serial = text(body, "serial", 64);
		String card = text(body, "cardSerial", 32);
		byte[] challenge = base64(text(body, "challenge", 128), "challenge");
		byte[] signature = base64(text(body, "signature", 2048), "signature");
		try {
			return certificate(certificates.confirmOnCard(me, serial, card, challenge, signature));
		} catch (ServiceException e) {
			throw refusal(e);
		}
	}

	static ApiException refusal(ServiceException e) {
		int status = switch (e.reason()) {
		case WRONG_PASSWORD, CHALLENGE_INVALID, SIGNATURE_INVALID, CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED -> 401;
		case ACCOUNT_SUSPENDED -> 423;
		case NOT_PERMITTED, NOT_YOURS, WRONG_CARD, DUAL_CONTROL -> 403;
		case WRONG_STATE -> 409;
		case NOT_FOUND -> 404;
		case CONCURRENT_CHANGE -> 409;
		default -> 400;
		};
		return new ApiException(status, e.reason().name(), e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
				e.triesLeft());
	}

	private boolean staffNeedsFirst() throws ApiException {
		try {
			return staff.needsFirstAdministrator();
		} catch (ServiceException e) {
			throw refusal(e);
		}
	}

	/** The first start of a connected counter: the administrator, created once; signed in at once. */
	private JsonNode firstAdministrator(JsonNode body) throws ApiException {
		String account = text(body, "account", 64);
		String name = text(body, "displayName", 128);
		String workstation = text(body, "workstation", 64);
		return withPassword(body, password -> staffSession(staff.createFirstAdministrator(account, name, password, workstation)));
	}

	/** A member of staff signs in at a connected counter workstation, in one of their roles. */
	private JsonNode staffSignIn(JsonNode body) throws ApiException {
		String account = text(body, "account", 64);
		String workstation = text(body, "workstation", 64);
		JsonNode roleNode = body.get("role");
		radesk.core.access.Role role = null;
		if (roleNode != null && !roleNode.isNull()) {
			try {
				role = radesk.core.access.Role.valueOf(text(body, "role", 32));
			} catch (IllegalArgumentException e) {
				throw new ApiException(400, "WRONG_TYPE", "role: one of " + Arrays.toString(radesk.core.access.Role.values()));
			}
		}
		radesk.core.access.Role as = role;
		return withPassword(body, password -> staffSession(staff.signIn(account, password, as, workstation)));
	}

	private JsonNode staffSession(Actor signedIn) throws ApiException {
		if (signedIn.role() == radesk.core.access.Role.SUBSCRIBER) {
			throw new ApiException(403, "NOT_PERMITTED", "staff only");
		}
		return json.createObjectNode().put("token", staffSessions.open(signedIn)).put("account", signedIn.account())
				.put("role", signedIn.role().name()).put("workstation", signedIn.workstation());
	}

	private Actor staffSession(HttpExchange x) throws ApiException {
		return staffSessions.find(bearer(x)).orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN", "sign in first"));
	}

	/** The signed-in person, or null without a token; a token that is not (or no longer) a session is refused. */
	private Actor staffSessionIfAny(HttpExchange x) throws ApiException {
		return x.getRequestHeaders().getFirst("Authorization") == null ? null : staffSession(x);
	}

	private JsonNode staffSignOut(HttpExchange x) throws ApiException {
		staffSession(x);
		staffSessions.close(bearer(x));
		return json.createObjectNode().put("status", "signed out");
	}

	private void send(HttpExchange x, int status, JsonNode body) throws IOException {
		byte[] bytes = json.writeValueAsBytes(body);
		x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		x.getResponseHeaders().set("Cache-Control", "no-store");
		x.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = x.getResponseBody()) {
			out.write(bytes);
		}
	}
}
