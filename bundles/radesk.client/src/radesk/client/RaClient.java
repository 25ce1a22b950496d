package radesk.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import radesk.api.SubscriberRa;
import radesk.core.certificate.CertificateState;

/**
 * The subscriber edition's way to the RA server (API v1 over HTTPS). It trusts the RA's root
 * certificate only and talks to the address of {@link ServerSettings} (檔案 → 設定).
 */
public final class RaClient implements SubscriberRa {

	public record Captcha(String id, byte[] png) {
	}

	private final ObjectMapper json = radesk.wire.Json.mapper();
	private final HttpClient http;
	private final String base;
	private String token;
	private String account;

	/** The server of 檔案 → 設定. */
	public RaClient() throws IOException, GeneralSecurityException {
		this(ServerSettings.address(), rootFile());
	}

	/** The server at {@code address} (its API, e.g. {@code https://ra.example.tw:8443/api/v1/}), trusting only {@code root}. */
	public RaClient(String address, Path root) throws IOException, GeneralSecurityException {
		this.base = address.endsWith("/") ? address : address + "/";
		this.http = Https.client(root);
	}

	/** The RA root this edition trusts (檔案 → 設定; by default {@code <data>/server/root.cer}). */
	public static Path rootFile() {
		return ServerSettings.rootFile();
	}

	/** The server's clock, read over the trusted connection (for the environment check). */
	public java.time.Instant serverTime() throws IOException, InterruptedException, Refused {
		return java.time.Instant.parse(call(HttpRequest.newBuilder(URI.create(base + "health")).GET()).get("time").asText());
	}

	@Override
	public String account() {
		return account;
	}

	public boolean loggedIn() {
		return token != null;
	}

	public Captcha captcha() throws IOException, InterruptedException, Refused {
		JsonNode c = call(HttpRequest.newBuilder(URI.create(base + "captcha")).GET());
		return new Captcha(c.get("id").asText(), Base64.getDecoder().decode(c.get("png").asText()));
	}

	public void logIn(String account, char[] password, String captchaId, String captcha)
			throws IOException, InterruptedException, Refused {
		ObjectNode body = json.createObjectNode().put("account", account).put("password", new String(password))
				.put("captchaId", captchaId).put("captcha", captcha);
		JsonNode answer = call(post("sessions", body));
		this.token = answer.get("token").asText();
		this.account = answer.get("account").asText();
	}

	/** 登出: the session ends on the server too (not only forgotten here). */
	public void logOut() throws IOException, InterruptedException, Refused {
		if (token == null) {
			return;
		}
		try {
			call(authorized(HttpRequest.newBuilder(URI.create(base + "sessions")).DELETE()));
		} finally {
			token = null;
			account = null;
		}
	}

	/** 晶片卡登入, first step: the server's challenge for the card to sign. */
	@Override
	public byte[] challenge() throws IOException, InterruptedException, Refused {
		return Base64.getDecoder().decode(call(HttpRequest.newBuilder(URI.create(base + "challenge")).GET()).get("challenge").asText());
	}

	/** 晶片卡登入: the certificate's 憑證識別碼, its RA unit, the captcha and the card's signature over the challenge. */
	@Override
	public void logInWithCard(String identifier, String raUnit, String captchaId, String captcha, byte[] challenge, byte[] signature)
			throws IOException, InterruptedException, Refused {
		ObjectNode body = json.createObjectNode().put("identifier", identifier).put("raUnit", raUnit).put("captchaId", captchaId)
				.put("captcha", captcha).put("challenge", Base64.getEncoder().encodeToString(challenge))
				.put("signature", Base64.getEncoder().encodeToString(signature));
		JsonNode answer = call(post("card-sessions", body));
		this.token = answer.get("token").asText();
		this.account = answer.get("account").asText();
	}

	public void changePassword(char[] old, char[] fresh, char[] confirm) throws IOException, InterruptedException, Refused {
		call(post("password", json.createObjectNode().put("oldPassword", new String(old)).put("newPassword", new String(fresh))
				.put("confirm", new String(confirm))));
	}

	/** 暫禁 (the card is lost): every certificate of the logged-in subscriber in use put on hold; their 憑證識別碼. */
	public List<String> reportLost() throws IOException, InterruptedException, Refused {
		List<String> held = new ArrayList<>();
		call(post("lost-card", json.createObjectNode())).path("suspended").forEach(n -> held.add(n.asText()));
		return held;
	}

	/** 我的帳號 → 電子郵件地址: the address, whether confirmed, whether mail to it bounced, the notices' language. */
	public record EmailAddress(String email, boolean confirmed, String undeliverable, String language) {
	}

	public EmailAddress email() throws IOException, InterruptedException, Refused {
		JsonNode a = call(authorized(HttpRequest.newBuilder(URI.create(base + "email")).GET()));
		return new EmailAddress(a.path("email").asText(), a.path("confirmed").asBoolean(),
				a.path("undeliverable").isNull() ? null : a.path("undeliverable").asText(null), a.path("language").asText("zh-TW"));
	}

	/** Mails a new confirmation code to the subscriber's own address. */
	public void sendEmailCode() throws IOException, InterruptedException, Refused {
		call(post("email/code", json.createObjectNode()));
	}

	public void confirmEmail(String code) throws IOException, InterruptedException, Refused {
		call(post("email/confirm", json.createObjectNode().put("code", code)));
	}

	/** The language of the subscriber's notices: zh-TW or en. */
	public void noticeLanguage(String language) throws IOException, InterruptedException, Refused {
		call(post("email/language", json.createObjectNode().put("language", language)));
	}

	@Override
	public List<Certificate> certificates() throws IOException, InterruptedException, Refused {
		JsonNode list = call(authorized(HttpRequest.newBuilder(URI.create(base + "certificates")).GET())).get("certificates");
		List<Certificate> out = new ArrayList<>();
		for (JsonNode c : list) {
			out.add(certificate(c));
		}
		return out;
	}

	/** 憑證申請: the request made and signed on the card, bound to it by its authentication key; the certificate issued. */
	@Override
	public Certificate apply(String cardSerial, String keyId, byte[] csr, byte[] challenge, byte[] cardSignature)
			throws IOException, InterruptedException, Refused {
		return certificate(call(post("applications", json.createObjectNode().put("cardSerial", cardSerial).put("keyId", keyId)
				.put("csr", Base64.getEncoder().encodeToString(csr)).put("challenge", Base64.getEncoder().encodeToString(challenge))
				.put("cardSignature", Base64.getEncoder().encodeToString(cardSignature)))));
	}

	@Override
	public Certificate renew(String oldSerial, String cardSerial, String keyId, byte[] csr, byte[] challenge, byte[] cardSignature,
			byte[] oldKeySignature) throws IOException, InterruptedException, Refused {
		java.util.Base64.Encoder b64 = Base64.getEncoder();
		return certificate(call(post("renewals", json.createObjectNode().put("certificate", oldSerial).put("cardSerial", cardSerial)
				.put("keyId", keyId).put("csr", b64.encodeToString(csr)).put("challenge", b64.encodeToString(challenge))
				.put("cardSignature", b64.encodeToString(cardSignature)).put("oldKeySignature", b64.encodeToString(oldKeySignature)))));
	}

	/** The card took the certificate: its key's signature over a fresh challenge proves it. */
	@Override
	public Certificate confirmOnCard(String serial, String cardSerial, byte[] challenge, byte[] signature)
			throws IOException, InterruptedException, Refused {
		return certificate(call(post("certificates/on-card", json.createObjectNode().put("serial", serial).put("cardSerial", cardSerial)
				.put("challenge", Base64.getEncoder().encodeToString(challenge))
				.put("signature", Base64.getEncoder().encodeToString(signature)))));
	}

	/** Tells the RA what the card said of its PIN (wrong PINs since the last right one), so its record follows. */
	@Override
	public void reportPinStrikes(String cardSerial, int strikes) throws IOException, InterruptedException, Refused {
		call(post("cards/pin-strikes", json.createObjectNode().put("cardSerial", cardSerial).put("strikes", strikes)));
	}

	/** A certificate as the server describes it; an answer without its parts, or in a state we do not know, is not taken. */
	private static Certificate certificate(JsonNode c) throws IOException {
		try {
			return new Certificate(required(c, "identifier"), required(c, "serial"), CertificateState.valueOf(required(c, "state")),
					required(c, "notAfter"), c.path("cardSerial").asText(""), Base64.getDecoder().decode(required(c, "der")));
		} catch (IllegalArgumentException e) {
			throw new IOException("the server described a certificate in a way RA Desk does not know", e);
		}
	}

	private static String required(JsonNode c, String field) throws IOException {
		JsonNode v = c.get(field);
		if (v == null || !v.isTextual()) {
			throw new IOException("the server described a certificate without its " + field);
		}
		return v.textValue();
	}

	private HttpRequest.Builder post(String path, ObjectNode body) throws IOException {
		return authorized(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder r) {
		return token == null ? r : r.header("Authorization", "Bearer " + token);
	}

	private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException, Refused {
		HttpResponse<byte[]> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
		JsonNode body = json.readTree(r.body());
		if (r.statusCode() != 200) {
			throw new Refused(body.path("error").asText("HTTP_" + r.statusCode()), body.path("detail").asText(body.path("message").asText("")),
					body.path("triesLeft").asInt(-1));
		}
		return body;
	}
}
