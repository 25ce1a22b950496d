package radesk.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import radesk.api.CardAccessException;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.StaffDesk;
import radesk.wire.Json;
import radesk.wire.Route;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.InvalidFormException;

/**
 * A counter workstation's connection to the RA server (connected mode): the routes of
 * {@link radesk.wire.staff.StaffApi}, answered by the server over HTTPS that trusts only the RA's root. A
 * member of staff signs in through {@link StaffDesk#signIn}; the connection keeps that session's
 * token and every call carries it, so the server acts as the person who signed in — whatever
 * actor a screen passes along. Refusals come back as the same {@link ServiceException}s (and
 * {@link InvalidFormException}s) as from the service in-process; a server out of reach is
 * {@link Reason#SERVER_UNREACHABLE}, and nothing was changed by a call that did not get through
 * (a call either ran in one transaction on the server or not at all).
 */
public final class ServerConnection {

	private final ObjectMapper json = Json.mapper();
	private final String base;
	private final Path root;
	private HttpClient http;
	private volatile String token;

	/**
	 * {@code address}: the server's API, e.g. {@code https://ra.example.tw:8443/api/v1/}; {@code root}:
	 * the RA root (DER), read at the first call — a root not there yet is a refusal of that call
	 * (SERVER_UNREACHABLE), never a quiet fall-back.
	 */
	public ServerConnection(String address, Path root) {
		this.base = address.endsWith("/") ? address : address + "/";
		this.root = root;
	}

	private synchronized HttpClient http() throws ServiceException {
		if (http == null) {
			try {
				http = radesk.client.Https.client(root);
			} catch (IOException | GeneralSecurityException e) {
				throw new ServiceException(Reason.SERVER_UNREACHABLE, "the RA root " + root + " cannot be read: " + e.getMessage());
			}
		}
		return http;
	}

	public String address() {
		return base;
	}

	/**
	 * The route's answer to {@code request}, as the signed-in person. A form the server finds
	 * against the rules comes back as a refusal (INVALID_INPUT) here; see {@link #callForm}.
	 */
	public <Q, A> A call(Route<Q, A> route, Q request) throws ServiceException {
		try {
			return callForm(route, request);
		} catch (InvalidFormException e) {
			throw new ServiceException(Reason.INVALID_INPUT, "the form breaks the rules: " + e.problems());
		}
	}

	/** As {@link #call}, for the routes that take a form: its problems come back as in-process. */
	public <Q, A> A callForm(Route<Q, A> route, Q request) throws ServiceException, InvalidFormException {
		JsonNode answer = send(post(route.path(), json.valueToTree(request)));
		return json.convertValue(answer, route.answer());
	}

	/** Whether the server has no administrator yet (its first start). */
	public boolean needsFirstAdministrator() throws ServiceException {
		try {
			return send(HttpRequest.newBuilder(URI.create(base + "staff/first-administrator")).GET()).get("needed").asBoolean();
		} catch (InvalidFormException e) {
			throw new ServiceException(Reason.INVALID_INPUT, e.getMessage());
		}
	}

	/** The server's first administrator, with the one-time code the server showed on its host; signed in at once. */
	public Actor createFirstAdministrator(String setupCode, String account, String displayName, char[] password,
			String workstation) throws ServiceException {
		return signIn("staff/first-administrator", json.createObjectNode().put("setupCode", setupCode).put("account", account)
				.put("displayName", displayName).put("password", new String(password)).put("workstation", workstation));
	}

	/** A member of staff signs in (in one of their roles, or their first); this connection keeps the session. */
	public Actor signIn(String account, char[] password, Role as, String workstation) throws ServiceException {
		return signIn(account, password, as, workstation, null);
	}

	/** As {@link #signIn(String, char[], Role, String)}, with the staff card's answer to a challenge of the server. */
	public Actor signIn(String account, char[] password, Role as, String workstation, StaffDesk.StaffCardProof card)
			throws ServiceException {
		ObjectNode body = json.createObjectNode().put("account", account).put("password", new String(password))
				.put("role", as == null ? null : as.name()).put("workstation", workstation);
		if (card != null) {
			java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
			body.put("cardSerial", card.cardSerial()).put("challenge", b64.encodeToString(card.challenge()))
					.put("cardSignature", b64.encodeToString(card.signature()));
		}
		return signIn("staff/sessions", body);
	}

	private Actor signIn(String path, ObjectNode body) throws ServiceException {
		try {
			return signedIn(send(post(path, body)));
		} catch (InvalidFormException e) {
			throw new ServiceException(Reason.INVALID_INPUT, e.getMessage());
		}
	}

	private Actor signedIn(JsonNode answer) {
		token = answer.get("token").asText();
		return new Actor(answer.get("account").asText(), Role.valueOf(answer.get("role").asText()), answer.get("workstation").asText());
	}

	/** Ends the session on the server (signing out, or another person signing in next). */
	public void signOut() {
		String was = token;
		token = null;
		if (was != null) {
			try {
				http().send(HttpRequest.newBuilder(URI.create(base + "staff/sessions")).header("Authorization", "Bearer " + was).DELETE()
						.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
			} catch (IOException | ServiceException e) {
				// the session lapses on the server by itself after 30 idle minutes
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private HttpRequest.Builder post(String path, JsonNode body) throws ServiceException {
		try {
			return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
		} catch (IOException e) {
			throw new ServiceException(Reason.INVALID_INPUT, "not sendable: " + e.getMessage());
		}
	}

	private JsonNode send(HttpRequest.Builder request) throws ServiceException, InvalidFormException {
		String bearer = token;
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpResponse<byte[]> response;
		try {
			response = http().send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
		} catch (IOException e) {
			throw new ServiceException(Reason.SERVER_UNREACHABLE, base + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ServiceException(Reason.SERVER_UNREACHABLE, "interrupted");
		}
		JsonNode body;
		try {
			body = json.readTree(response.body());
		} catch (IOException e) {
			throw new ServiceException(Reason.SERVER_UNREACHABLE, base + " answered something else than RA Desk's API");
		} finally {
			// an answer may carry a new PIN or password for its slip: the bytes go once read
			Arrays.fill(response.body(), (byte) 0);
		}
		if (response.statusCode() == 200) {
			return body;
		}
		throw refusal(response.statusCode(), body);
	}

	private ServiceException refusal(int status, JsonNode body) throws InvalidFormException {
		String code = body.path("error").asText("");
		if (code.equals("INVALID_FORM")) {
			List<FieldProblem> problems = new ArrayList<>();
			for (JsonNode p : body.path("problems")) {
				problems.add(new FieldProblem(radesk.core.registration.Field.valueOf(p.get("field").asText()),
						radesk.core.registration.Problem.valueOf(p.get("problem").asText())));
			}
			throw new InvalidFormException(problems);
		}
		Reason reason;
		try {
			reason = Reason.valueOf(code);
		} catch (IllegalArgumentException e) {
			reason = switch (code) {
			case "NOT_LOGGED_IN" -> Reason.SIGNED_OUT;
			case "NOT_FOUND" -> Reason.NOT_FOUND;
			default -> Reason.INVALID_INPUT;
			};
		}
		String card = body.path("card").asText(null);
		CardAccessException.Reason cardReason = card == null ? null : CardAccessException.Reason.valueOf(card);
		return new ServiceException(reason, body.path("detail").asText(body.path("message").asText("HTTP " + status)), cardReason,
				body.path("triesLeft").asInt(-1), null);
	}
}
