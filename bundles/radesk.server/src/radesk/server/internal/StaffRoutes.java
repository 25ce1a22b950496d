package radesk.server.internal;

import java.time.Clock;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import radesk.api.ServiceException;
import radesk.api.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.wire.Json;

/** Counter workstations in connected mode: staff sign-in and sign-out, and the calls of the signed-in person. */
final class StaffRoutes {

	private final ObjectMapper json;
	private final StaffDesk staff;
	private final StaffCalls calls;
	/** Signed-in staff of counter workstations in connected mode: their own tokens, never a subscriber's. */
	private final Sessions sessions = new Sessions(Clock.systemUTC());

	StaffRoutes(ObjectMapper json, StaffDesk staff, StaffCalls calls) {
		this.json = json;
		this.staff = staff;
		this.calls = calls;
	}

	JsonNode needsFirst() throws ApiException {
		try {
			return json.createObjectNode().put("needed", staff.needsFirstAdministrator());
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	/** The first start of a connected counter: the administrator, created once; signed in at once. */
	JsonNode firstAdministrator(JsonNode body) throws ApiException {
		String account = Fields.text(body, "account", 64);
		String name = Fields.text(body, "displayName", 128);
		String workstation = Fields.text(body, "workstation", 64);
		return Fields.withPassword(body, password -> session(staff.createFirstAdministrator(account, name, password, workstation)));
	}

	/** A member of staff signs in at a connected counter workstation, in one of their roles. */
	JsonNode signIn(JsonNode body) throws ApiException {
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
		return Fields.withPassword(body, password -> session(staff.signIn(account, password, as, workstation)));
	}

	private JsonNode session(Actor signedIn) throws ApiException {
		if (signedIn.role() == Role.SUBSCRIBER) {
			throw new ApiException(403, "NOT_PERMITTED", "staff only");
		}
		return json.createObjectNode().put("token", sessions.open(signedIn)).put("account", signedIn.account())
				.put("role", signedIn.role().name()).put("workstation", signedIn.workstation());
	}

	private Actor signedIn(Call x) throws ApiException {
		return sessions.find(x.bearer()).orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN", "sign in first"));
	}

	JsonNode signOut(Call x) throws ApiException {
		signedIn(x);
		sessions.close(x.bearer());
		return json.createObjectNode().put("status", "signed out");
	}

	/**
	 * A call of the signed-in person (or, without a token, one of the few open calls). The session
	 * is known before the body is read: only a signed-in mailroom clerk may send more than 16 KiB
	 * (a CSV of postal forms, up to 8 MiB).
	 */
	JsonNode call(Call x) throws ApiException {
		Actor me = x.header("Authorization") == null ? null : signedIn(x);
		int max = me != null && me.role() == Role.MAILROOM_CLERK ? Json.MAX_DOCUMENT : RaServer.MAX_BODY;
		return calls.call(me, x.body(max));
	}
}
