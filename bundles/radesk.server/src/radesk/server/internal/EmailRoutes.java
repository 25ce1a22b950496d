package radesk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import radesk.api.EmailDesk;
import radesk.api.ServiceException;
import radesk.api.SessionDesk;
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

	/** A change of the subscriber's own, its fields read once the session is known: answered with {@code status}. */
	@FunctionalInterface
	private interface Change {
		void make(Actor me) throws ServiceException, ApiException;
	}

	private JsonNode done(Call x, String status, Change change) throws ApiException {
		Actor me = SubscriberRoutes.subscriber(sessions, x);
		try {
			change.make(me);
			return json.createObjectNode().put("status", status);
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode address(Call x) throws ApiException {
		Actor me = SubscriberRoutes.subscriber(sessions, x);
		try {
			EmailDesk.Address a = email.address(me, me.account());
			return json.createObjectNode().put("email", a.email()).put("confirmed", a.confirmed())
					.put("undeliverable", a.undeliverable()).put("language", a.language());
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode sendCode(Call x) throws ApiException {
		return done(x, "code sent", me -> email.sendCode(me, me.account()));
	}

	JsonNode confirm(Call x, JsonNode body) throws ApiException {
		return done(x, "confirmed", me -> email.confirm(me, me.account(), Fields.text(body, "code", 16)));
	}

	JsonNode language(Call x, JsonNode body) throws ApiException {
		return done(x, "changed", me -> email.language(me, me.account(), Fields.text(body, "language", 8)));
	}
}
