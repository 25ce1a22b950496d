package radesk.ui.subscriber;

import radesk.ui.common.Texts;

/** The subscriber edition's labels (messages.properties, messages_zh_TW.properties). */
public final class Messages {

	public static String card_heading;
	public static String card_refresh;
	public static String card_column_reader;
	public static String card_column_card;
	public static String card_column_serial;
	public static String card_column_state;
	public static String card_state_none;
	public static String card_state_blank;
	public static String card_state_ready;
	public static String card_error_module;
	public static String card_error;
	public static String card_key_note;
	public static String login_heading;
	public static String login_account;
	public static String login_password;
	public static String login_captcha;
	public static String login_new_captcha;
	public static String login_captcha_answer;
	public static String login_submit;
	public static String login_checking;
	public static String login_job;
	public static String login_done;
	public static String login_no_server;
	public static String account_not_logged_in;
	public static String account_logged_in;
	public static String cert_identifier;
	public static String cert_state;
	public static String cert_not_after;
	public static String certificate_state_ISSUED_NOT_ON_CARD;
	public static String certificate_state_ON_CARD;
	public static String certificate_state_SUPERSEDED;
	public static String certificate_state_REVOKED;
	public static String certificate_state_EXPIRED;
	public static String password_heading;
	public static String password_old;
	public static String password_new;
	public static String password_confirm;
	public static String password_policy;
	public static String password_submit;
	public static String password_changed;
	public static String refused_WRONG_PASSWORD;
	public static String refused_WRONG_PASSWORD_LAST;
	public static String refused_ACCOUNT_SUSPENDED;
	public static String refused_CAPTCHA_WRONG;
	public static String refused_PASSWORD_TOO_WEAK;
	public static String refused_PASSWORDS_DIFFER;
	public static String refused_PASSWORD_UNCHANGED;
	public static String refused_MISSING_FIELD;
	public static String refused_NO_SERVER;
	public static String refused_other;

	static {
		Texts.load(Messages.class, "radesk.ui.subscriber.messages");
	}

	private Messages() {
	}

	/** The text of a key built at run time (e.g. {@code refused_WRONG_PASSWORD}); the key itself when missing. */
	public static String text(String key) {
		return Texts.lookUp(Messages.class, key);
	}
}
