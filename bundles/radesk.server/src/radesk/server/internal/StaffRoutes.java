package radesk.server.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import radesk.api.ServiceException;
import radesk.api.SessionDesk;
import radesk.api.SessionDesk.Kind;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.InvalidFormException;
import radesk.wire.Json;
import radesk.wire.Route;

/** Counter workstations in connected mode: staff sign-in and sign-out, and the calls of the signed-in person. */
final class StaffRoutes {

	private final ObjectMapper json;
	private final StaffDesk staff;
	private final StaffTable table;
	/** Signed-in staff of counter workstations in connected mode: their own tokens, never a subscriber's. */
	private final SessionDesk sessions;

	StaffRoutes(ObjectMapper json, StaffDesk staff, StaffTable table, SessionDesk sessions) {
		this.json = json;
		this.staff = staff;
		this.table = table;
		this.sessions = sessions;
	}

	JsonNode needsFirst() throws ApiException {
		try {
			return json.createObjectNode().put("needed", staff.needsFirstAdministrator());
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	/**
	 * The first start of a connected counter: the administrator, created once with the one-time
	 * code the server showed on its host; signed in at once.
	 */
	JsonNode firstAdministrator(Call x, JsonNode body) throws ApiException {
		String setupCode = Fields.text(body, "setupCode", 32);
		String account = Fields.text(body, "account", 64);
		String name = Fields.text(body, "displayName", 128);
		String workstation = Fields.text(body, "workstation", 64);
		return Fields.withPassword(body,
				password -> session(x, staff.createFirstAdministrator(setupCode, account, name, password, workstation)));
	}

	/** A member of staff signs in at a connected counter workstation, in one of their roles. */
	JsonNode signIn(Call x, JsonNode body) throws ApiException {
		String account = Fields.text(body, "account", 64);
		String workstation = Fields.text(body, "workstation", 64);
		JsonNode roleNode = body.get("role");
		Role role = null;
		if (roleNode != null && !roleNode.isNull()) {
			try {
				role = Role.valueOf(Fields.text(body, "role", 32));
			} catch (IllegalArgumentException e) {
				throw new ApiException(400, "WRONG_TYPE", "role: one of " + Arrays.toString(Role.values()));
			}
		}
		Role as = role;
		// the staff card's answer to a challenge of POST /staff/sign-in/challenge (the service says whether it is needed)
		StaffDesk.StaffCardProof card = null;
		JsonNode serial = body.get("cardSerial");
		if (serial != null && !serial.isNull()) {
			card = new StaffDesk.StaffCardProof(Fields.text(body, "cardSerial", 32), Fields.base64(body, "challenge", 128),
					Fields.base64(body, "cardSignature", 2048));
		}
		StaffDesk.StaffCardProof proof = card;
		return Fields.withPassword(body, password -> session(x,
				staff.signIn(account, password, as, LocalAddress.of(workstation, x), x.clientAddress(), proof),
				proof == null ? null : proof.cardSerial()));
	}

	private JsonNode session(Call x, Actor signedIn) throws ApiException, ServiceException {
		return session(x, signedIn, null);
	}

	/** {@code staffCard}: the card the person signed in with; revoking it ends the session. */
	private JsonNode session(Call x, Actor signedIn, String staffCard) throws ApiException, ServiceException {
		if (signedIn.role() == Role.SUBSCRIBER) {
			throw new ApiException(403, "NOT_PERMITTED", "staff only");
		}
		return json.createObjectNode().put("token", sessions.open(Kind.STAFF, signedIn, x.clientAddress(), staffCard))
				.put("account", signedIn.account())
				.put("role", signedIn.role().name()).put("workstation", signedIn.workstation());
	}

	private Actor signedIn(Call x) throws ApiException {
		try {
			return sessions.find(Kind.STAFF, x.bearer()).orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN", "sign in first"));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode signOut(Call x) throws ApiException {
		signedIn(x);
		try {
			sessions.close(Kind.STAFF, x.bearer());
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
		return json.createObjectNode().put("status", "signed out");
	}

	/** The route of that key ({@code "POST /staff/reviews/queue"}), if the staff API has one. */
	Optional<StaffTable.Bound<?, ?>> route(String key) {
		return table.find(key);
	}

	/**
	 * A call of the signed-in person (or, without a token, of an open route). The session is known
	 * before the body is read: only a signed-in mailroom clerk's CSV import may send more than
	 * 16 KiB (up to 8 MiB). The body becomes the route's record; a field missing or of the wrong
	 * type is refused before the service is asked.
	 */
	<Q, A> JsonNode call(StaffTable.Bound<Q, A> bound, Call x) throws ApiException {
		Route<Q, A> route = bound.route();
		Actor me = route.open() && x.header("Authorization") == null ? null : signedIn(x);
		int max = route.large() && me != null && me.role() == Role.MAILROOM_CLERK ? Json.MAX_DOCUMENT : Json.MAX_BODY;
		JsonNode body = x.body(max);
		Q request;
		try {
			request = json.treeToValue(body, route.request());
		} catch (JsonProcessingException | IllegalArgumentException e) {
			throw new ApiException(400, "WRONG_TYPE", "the body is not a " + route.request().getSimpleName());
		}
		String missing = missing(request);
		if (missing != null) {
			throw new ApiException(400, "MISSING_FIELD", missing + " is required");
		}
		try {
			return json.valueToTree(bound.work().answer(me, request));
		} catch (ServiceException e) {
			ApiException refused = RaServer.refusal(e);
			refused.detail = e.detail();
			refused.card = e.card() == null ? null : e.card().name();
			throw refused;
		} catch (InvalidFormException e) {
			ApiException refused = new ApiException(422, "INVALID_FORM", "the form breaks the rules");
			ArrayNode problems = json.createArrayNode();
			for (FieldProblem p : e.problems()) {
				problems.addObject().put("field", p.field().name()).put("problem", p.problem().name());
			}
			refused.problems = problems;
			throw refused;
		}
	}

	/** The first field of the request's record left out or null, but for those marked {@link radesk.wire.Nullable}. */
	private static String missing(Object request) {
		if (!(request instanceof Record)) {
			throw new IllegalStateException("a wire request that is no record: " + request.getClass());
		}
		for (java.lang.reflect.RecordComponent c : request.getClass().getRecordComponents()) {
			try {
				if (!c.isAnnotationPresent(radesk.wire.Nullable.class) && c.getAccessor().invoke(request) == null) {
					return c.getName();
				}
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException("a wire record that cannot be read: " + request.getClass(), e);
			}
		}
		return null;
	}
}
