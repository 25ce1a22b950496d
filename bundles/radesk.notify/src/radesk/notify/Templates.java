package radesk.notify;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import radesk.core.renewal.RenewalWindow;

/**
 * The mails' words in zh-TW and English, plain text with an HTML alternative. Anti-phishing by
 * design: no attachment, no link to log in with, no request for a PIN or a password; a notice
 * names the certificate (憑證識別碼, its end) and tells the subscriber to open the RA Desk subscriber
 * edition they already have, and how to recognise a genuine notice (the RA's signature).
 */
public final class Templates {

	/** The languages a subscriber may choose for notices. */
	public static final java.util.List<String> LANGUAGES = java.util.List.of("zh-TW", "en");

	private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日", Locale.TAIWAN)
			.withZone(RenewalWindow.TAIPEI);
	private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(RenewalWindow.TAIPEI);

	private Templates() {
	}

	/** The language to write in: the subscriber's if we have it, else Traditional Chinese. */
	public static String language(String chosen) {
		return "en".equals(chosen) ? "en" : "zh-TW";
	}

	/** 憑證展期通知 for the certificate {@code identifier} ending {@code notAfter}, {@code days} before. */
	public static Letter renewal(String language, String name, String identifier, Instant notAfter, int days, String sender) {
		if (language(language).equals("en")) {
			String subject = "RA Desk: your certificate " + identifier + " expires on " + EN.format(notAfter) + " – renew it";
			String body = "Dear " + name + ",\n\n"
					+ "Your smart-card certificate " + identifier + " expires on " + EN.format(notAfter) + " (in " + days
					+ (days == 1 ? " day" : " days") + ").\n"
					+ "You can renew it until then, with the card in its reader:\n\n"
					+ "  1. Open the RA Desk subscriber edition already installed on your computer.\n"
					+ "  2. My account → Card log-in, with your card and its PIN.\n"
					+ "  3. Certificate renewal, and follow the steps.\n\n"
					+ "After the expiry date a certificate can no longer be renewed: you would have to register again at the RA.\n\n"
					+ "How to recognise a genuine notice: it is digitally signed by the RA (" + sender + "), which your mail program "
					+ "shows; it has no attachment and no link, and never asks for your PIN or password. If a message asks for them, "
					+ "do not answer it.\n\n"
					+ "RA Desk registration authority\n";
			return new Letter(subject, body, html(body));
		}
		String subject = "RA Desk 憑證展期通知：憑證 " + identifier + " 將於 " + ZH.format(notAfter) + " 到期";
		String body = name + " 您好：\n\n"
				+ "您的晶片卡憑證（憑證識別碼 " + identifier + "）將於 " + ZH.format(notAfter) + " 到期（尚有 " + days + " 天）。\n"
				+ "到期前可辦理憑證展期，請將晶片卡插入讀卡機後：\n\n"
				+ "  1. 開啟您電腦上已安裝的 RA Desk 用戶端程式。\n"
				+ "  2. 我的帳號 → 晶片卡登入（使用晶片卡及其密碼）。\n"
				+ "  3. 選擇「憑證展期」，依畫面步驟完成。\n\n"
				+ "憑證到期後即無法展期，須重新至註冊中心辦理註冊。\n\n"
				+ "如何辨識本通知為真：本通知由註冊中心（" + sender + "）以數位簽章簽署，您的郵件程式會顯示簽章；"
				+ "本通知不含附件與任何連結，也絕不會要求您提供晶片卡密碼或網站密碼。若有郵件要求您提供，請勿回覆。\n\n"
				+ "RA Desk 憑證註冊中心\n";
		return new Letter(subject, body, html(body));
	}

	/** The code that confirms the subscriber's e-mail address; valid until {@code expires}. */
	public static Letter verification(String language, String name, char[] code, Instant expires) {
		String shown = new String(code);
		if (language(language).equals("en")) {
			String body = "Dear " + name + ",\n\n"
					+ "To confirm that this address is yours, give this code at the RA counter or type it in the RA Desk subscriber "
					+ "edition (My account → E-mail address):\n\n    " + shown + "\n\n"
					+ "It is valid for one hour. Until the address is confirmed, the RA sends it no renewal notices and writes it "
					+ "into no certificate. If you did not register with the RA, ignore this message.\n\n"
					+ "RA Desk registration authority\n";
			return new Letter("RA Desk: confirm your e-mail address", body, html(body));
		}
		String body = name + " 您好：\n\n"
				+ "為確認此電子郵件地址屬於您，請於註冊中心櫃檯告知，或在 RA Desk 用戶端程式（我的帳號 → 電子郵件地址）輸入以下確認碼：\n\n    "
				+ shown + "\n\n"
				+ "確認碼一小時內有效。地址確認前，註冊中心不會寄送憑證展期通知，也不會將此地址寫入憑證。若您未向註冊中心申請，請忽略本郵件。\n\n"
				+ "RA Desk 憑證註冊中心\n";
		return new Letter("RA Desk 電子郵件地址確認碼", body, html(body));
	}

	/** The same words as HTML: escaped, paragraphs kept, nothing linked. */
	static String html(String text) {
		StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
		for (String paragraph : text.split("\n\n")) {
			out.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
		}
		return out.append("</body></html>").toString();
	}

	static String escape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> out.append("&lt;");
			case '>' -> out.append("&gt;");
			case '&' -> out.append("&amp;");
			case '"' -> out.append("&quot;");
			case '\'' -> out.append("&#39;");
			default -> out.append(c);
			}
		}
		return out.toString();
	}
}
