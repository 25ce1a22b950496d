package radesk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import radesk.api.EmailDesk;
import radesk.api.ServiceException;
import radesk.api.SessionDesk;
import radesk.api.SessionDesk.Kind;
import radesk.core.access.Actor;

/**
 * The subscriber's own e-mail address (我的帳號 → 電子郵件地址): its state, a confirmation code mailed
 * to it, the code typed back, the language of notices. Logged-in subscribers only, their own account.
 */
final class EmailRoutes {

	private final ObjectMapper json;
	private final EmailDesk email;
	private final SessionDesk sessions;

	EmailRoutes(ObjectMapper json, EmailDesk email, SessionDesk sessions) {
		this.json = json;
		this.email = email;
		this.sessions = sessions;
	}

	private Actor session(Call x) throws ApiException {
		try {
			return sessions.find(Kind.SUBSCRIBER, x.bearer()).orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN", "log in first"));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode address(Call x) throws ApiException {
		Actor me = session(x);
		try {
			EmailDesk.Address a = email.address(me, me.account());
			return json.createObjectNode().put("email", a.email()).put("confirmed", a.confirmed())
					.put("undeliverable", a.undeliverable()).put("language", a.language());
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode sendCode(Call x) throws ApiException {
		Actor me = session(x);
		try {
			email.sendCode(me, me.account());
			return json.createObjectNode().put("status", "code sent");
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode confirm(Call x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String code = Fields.text(body, "code", 16);
		try {
			email.confirm(me, me.account(), code);
			return json.createObjectNode().put("status", "confirmed");
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode language(Call x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String language = Fields.text(body, "language", 8);
		try {
			email.language(me, me.account(), language);
			return json.createObjectNode().put("status", "changed");
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}
}
