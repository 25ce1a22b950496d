package radesk.server.internal;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import radesk.api.IssuedCertificate;
import radesk.api.RenewalDesk;
import radesk.api.ServiceException;
import radesk.api.SessionDesk;
import radesk.core.access.Actor;

/**
 * 憑證展期: {@code POST /renewals}, a logged-in subscriber's renewal made on their card; and 暫禁:
 * {@code POST /lost-card}, every certificate of theirs in use put on hold (logged in with the website
 * password: the card is lost).
 */
final class RenewalRoutes {

	private final ObjectMapper json;
	private final RenewalDesk renewals;
	private final radesk.api.LostCardDesk lostCards;
	private final SessionDesk sessions;

	RenewalRoutes(ObjectMapper json, RenewalDesk renewals, radesk.api.LostCardDesk lostCards, SessionDesk sessions) {
		this.json = json;
		this.renewals = renewals;
		this.lostCards = lostCards;
		this.sessions = sessions;
	}

	JsonNode renew(Call x, JsonNode body) throws ApiException {
		Actor me = SubscriberRoutes.subscriber(sessions, x);
		String old = Fields.text(body, "certificate", 40);
		String card = Fields.text(body, "cardSerial", 32);
		String keyId = Fields.text(body, "keyId", 64);
		byte[] csr = Fields.base64(body, "csr", 8192);
		byte[] challenge = Fields.base64(body, "challenge", 128);
		byte[] cardSignature = Fields.base64(body, "cardSignature", 2048);
		byte[] oldKeySignature = Fields.base64(body, "oldKeySignature", 2048);
		try {
			IssuedCertificate c = renewals.renew(me, old, card, keyId, csr, challenge, cardSignature, oldKeySignature);
			return json.createObjectNode().put("serial", c.serial()).put("identifier", c.identifier()).put("state", c.state().name())
					.put("cardSerial", c.cardSerial()).put("notBefore", c.notBefore().toString()).put("notAfter", c.notAfter().toString())
					.put("der", Base64.getEncoder().encodeToString(c.der()));
		} catch (ServiceException e) {
			ApiException refused = RaServer.refusal(e);
			refused.detail = e.detail();
			throw refused;
		}
	}

	JsonNode reportLost(Call x) throws ApiException {
		Actor me = SubscriberRoutes.subscriber(sessions, x);
		try {
			com.fasterxml.jackson.databind.node.ObjectNode answer = json.createObjectNode();
			com.fasterxml.jackson.databind.node.ArrayNode held = answer.putArray("suspended");
			lostCards.reportLost(me).forEach(held::add);
			return answer;
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}
}
