package radesk.server.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import radesk.api.AccountDesk;
import radesk.api.CertificateDesk;
import radesk.api.IssuedCertificate;
import radesk.api.ServiceException;
import radesk.api.SessionDesk;
import radesk.api.SessionDesk.Kind;
import radesk.core.access.Actor;

/** The subscriber edition's routes: log-ins (password or card), log-out, password, certificates, 憑證申請. */
final class SubscriberRoutes {

	private final ObjectMapper json;
	private final AccountDesk accounts;
	private final CertificateDesk certificates;
	private final Captchas captchas;
	private final SessionDesk sessions;

	SubscriberRoutes(ObjectMapper json, AccountDesk accounts, CertificateDesk certificates, Captchas captchas, SessionDesk sessions) {
		this.json = json;
		this.accounts = accounts;
		this.certificates = certificates;
		this.captchas = captchas;
		this.sessions = sessions;
	}

	private Actor session(Call x) throws ApiException {
		return subscriber(sessions, x);
	}

	/** The subscriber whose session the call carries (every subscriber route but the log-ins'). */
	static Actor subscriber(SessionDesk sessions, Call x) throws ApiException {
		try {
			return sessions.find(Kind.SUBSCRIBER, x.bearer())
					.orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN", "log in first"));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode captcha(Call x) throws ApiException {
		try {
			Captchas.Captcha c = captchas.next(x.clientAddress());
			ObjectNode answer = json.createObjectNode().put("id", c.id()).put("png", c.pngBase64());
			if (c.disclosedAnswer() != null) {
				answer.put("answer", c.disclosedAnswer());
			}
			return answer;
		} catch (IOException e) {
			throw new ApiException(500, "CAPTCHA_UNAVAILABLE", "the captcha could not be drawn");
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	private boolean solved(String id, String answer) throws ApiException {
		try {
			return captchas.solved(id, answer);
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode challenge() throws ApiException {
		try {
			return json.createObjectNode().put("challenge", Base64.getEncoder().encodeToString(accounts.cardChallenge()));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode logIn(Call x, JsonNode body) throws ApiException {
		String account = Fields.text(body, "account", 64);
		String captchaId = Fields.text(body, "captchaId", 64);
		String captcha = Fields.text(body, "captcha", 16);
		// the captcha first: a wrong one costs no password strike and tells nothing about the password
		if (!solved(captchaId, captcha)) {
			throw new ApiException(400, "CAPTCHA_WRONG", "the captcha was wrong, used or expired: get a new one");
		}
		return Fields.withPassword(body,
				password -> loggedIn(x, accounts.logIn(account, password, LocalAddress.of("subscriber-edition", x)), null));
	}

	private JsonNode loggedIn(Call x, Actor me, String certificate) throws ServiceException {
		return json.createObjectNode().put("token", sessions.open(Kind.SUBSCRIBER, me, x.clientAddress(), certificate))
				.put("account", me.account()).put("idleMinutes", Kind.SUBSCRIBER.idle().toMinutes());
	}

	/** 晶片卡登入: 憑證識別碼 + RA unit + the card's signature over a challenge from GET /challenge. */
	JsonNode cardLogIn(Call x, JsonNode body) throws ApiException {
		String identifier = Fields.text(body, "identifier", 32);
		String raUnit = Fields.text(body, "raUnit", 32);
		if (!solved(Fields.text(body, "captchaId", 64), Fields.text(body, "captcha", 16))) {
			throw new ApiException(400, "CAPTCHA_WRONG", "the captcha was wrong, used or expired: get a new one");
		}
		byte[] challenge = Fields.base64(body, "challenge", 128);
		byte[] signature = Fields.base64(body, "signature", 2048);
		try {
			Actor me = accounts.logInWithCard(identifier, raUnit, challenge, signature, LocalAddress.of("subscriber-edition", x));
			return loggedIn(x, me, identifier.strip().toUpperCase(java.util.Locale.ROOT));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	JsonNode logOut(Call x) throws ApiException {
		session(x);
		try {
			sessions.close(Kind.SUBSCRIBER, x.bearer());
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
		return json.createObjectNode().put("status", "logged out");
	}

	JsonNode changePassword(Call x, JsonNode body) throws ApiException {
		Actor me = session(x);
		char[] old = Fields.text(body, "oldPassword", 128).toCharArray();
		char[] fresh = Fields.text(body, "newPassword", 128).toCharArray();
		char[] confirm = Fields.text(body, "confirm", 128).toCharArray();
		try {
			accounts.changePassword(me, old, fresh, confirm);
			// the old password's other sessions end; this one, where it was changed, goes on
			sessions.endOthers(Kind.SUBSCRIBER, x.bearer());
			return json.createObjectNode().put("status", "password changed");
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		} finally {
			Arrays.fill(old, '\0');
			Arrays.fill(fresh, '\0');
			Arrays.fill(confirm, '\0');
		}
	}

	JsonNode certificates(Call x) throws ApiException {
		Actor me = session(x);
		try {
			ArrayNode list = json.createArrayNode();
			for (IssuedCertificate c : certificates.certificates(me)) {
				list.add(certificate(c));
			}
			return json.createObjectNode().set("certificates", list);
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	/** A certificate as the API shows it: its state, its card, its validity and the certificate itself (DER, base64). */
	private ObjectNode certificate(IssuedCertificate c) {
		return json.createObjectNode().put("serial", c.serial()).put("identifier", c.identifier()).put("state", c.state().name())
				.put("cardSerial", c.cardSerial()).put("notBefore", c.notBefore().toString()).put("notAfter", c.notAfter().toString())
				.put("der", Base64.getEncoder().encodeToString(c.der()));
	}

	/** 憑證申請: the request made and signed on the subscriber's card, for the key {@code keyId} on card {@code cardSerial}. */
	JsonNode apply(Call x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String card = Fields.text(body, "cardSerial", 32);
		String keyId = Fields.text(body, "keyId", 64);
		byte[] csr = Fields.base64(body, "csr", 8192);
		byte[] challenge = Fields.base64(body, "challenge", 128);
		byte[] cardSignature = Fields.base64(body, "cardSignature", 2048);
		try {
			return certificate(certificates.issue(me, card, keyId, csr, challenge, cardSignature));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	/** What the subscriber's card said of its PIN: wrong PINs since the last right one (the third locks it). */
	JsonNode pinStrikes(Call x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String card = Fields.text(body, "cardSerial", 32);
		JsonNode strikes = body.get("strikes");
		if (strikes == null || !strikes.isInt()) {
			throw new ApiException(400, "WRONG_TYPE", "strikes must be a whole number");
		}
		try {
			certificates.reportPinStrikes(me, card, strikes.intValue());
			return json.createObjectNode().put("status", "recorded");
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}

	/** The card took the certificate: its key's signature over a challenge from GET /challenge proves it. */
	JsonNode confirmOnCard(Call x, JsonNode body) throws ApiException {
		Actor me = session(x);
		String serial = Fields.text(body, "serial", 64);
		String card = Fields.text(body, "cardSerial", 32);
		byte[] challenge = Fields.base64(body, "challenge", 128);
		byte[] signature = Fields.base64(body, "signature", 2048);
		try {
			return certificate(certificates.confirmOnCard(me, serial, card, challenge, signature));
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		}
	}
}
