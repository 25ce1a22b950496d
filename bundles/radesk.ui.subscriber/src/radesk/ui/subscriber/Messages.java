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
	public static String certificate_state_SUSPENDED;
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
	public static String refused_INTERNAL;
	public static String refused_other;
	public static String card_login_heading;
	public static String card_login_identifier;
	public static String card_login_unit;
	public static String card_login_pin;
	public static String card_login_hint;
	public static String card_login_submit;
	public static String card_login_wrong_pin;
	public static String card_login_last_try;
	public static String card_login_PIN_LOCKED;
	public static String card_login_CARD_REMOVED;
	public static String card_login_MODULE_NOT_FOUND;
	public static String card_login_MODULE_ERROR;
	public static String card_login_BAD_PIN;
	public static String refused_CHALLENGE_INVALID;
	public static String refused_SIGNATURE_INVALID;
	public static String refused_CERTIFICATE_REVOKED;
	public static String refused_CERTIFICATE_SUSPENDED;
	public static String refused_CERTIFICATE_EXPIRED;
	public static String refused_NOT_FOUND;
	public static String refused_NO_CERTIFICATE_ON_CARD;
	public static String env_intro;
	public static String env_column_item;
	public static String env_column_result;
	public static String env_column_found;
	public static String env_run;
	public static String env_fix;
	public static String env_running;
	public static String env_job;
	public static String env_passed;
	public static String env_failed;
	public static String env_all_passed;
	public static String env_some_failed;
	public static String env_fixed;
	public static String env_fix_failed;
	public static String env_item_PKCS11_MODULE;
	public static String env_item_CARD_READER;
	public static String env_item_CARD_PRESENT;
	public static String env_item_SERVER_TLS;
	public static String env_item_CLOCK;
	public static String env_item_CA_INSTALLED;
	public static String computer_heading;
	public static String computer_explain;
	public static String computer_pin;
	public static String computer_register;
	public static String computer_running;
	public static String computer_done;
	public static String computer_wrong_pin;
	public static String computer_failed;
	public static String certs_not_logged_in;
	public static String certs_apply_heading;
	public static String certs_card;
	public static String certs_no_card;
	public static String certs_look_again;
	public static String certs_key_kind;
	public static String key_kind_RSA_2048;
	public static String key_kind_EC_P256;
	public static String key_kind_EC_P384;
	public static String certs_pin;
	public static String certs_do_not_pull;
	public static String certs_apply;
	public static String certs_job_apply;
	public static String certs_job_download;
	public static String certs_job_list;
	public static String certs_step_OPENING_CARD;
	public static String certs_step_MAKING_KEY;
	public static String certs_step_SIGNING_REQUEST;
	public static String certs_step_ISSUING;
	public static String certs_step_WRITING_CARD;
	public static String certs_step_CONFIRMING;
	public static String certs_step_done;
	public static String certs_applied;
	public static String certs_resumed;
	public static String certs_download_heading;
	public static String certs_download_hint;
	public static String certs_download;
	public static String certs_downloaded;
	public static String certs_column_card;
	public static String certs_KEY_NOT_ON_CARD;
	public static String certs_CARD_REMOVED;
	public static String refused_WRONG_CARD;
	public static String refused_WRONG_STATE;
	public static String refused_NOT_LOGGED_IN;
	public static String refused_BAD_REQUEST;
	public static String refused_NOT_YOURS;
	public static String card_login_certificates;
	public static String card_login_subject;
	public static String card_login_serial;
	public static String card_login_read;
	public static String env_item_PCSC_SERVICE;
	public static String env_item_CARD_REGISTERED;
	public static String env_found_pcsc_not_needed;
	public static String env_found_pcsc_missing;
	public static String env_found_no_certificate;
	public static String card_login_card;
	public static String account_log_out;
	public static String account_logged_out;

	static {
		Texts.load(Messages.class, "radesk.ui.subscriber.messages");
	}

	private Messages() {
	}

	/**
	 * The server could not be reached (or its answer read): the address tried, in words; the cause
	 * goes to the workspace log, never an exception's name to the screen.
	 */
	public static String noServer(Exception cause) {
		org.eclipse.core.runtime.Platform.getLog(Messages.class).warn("the RA server could not be reached", cause);
		String address;
		try {
			address = radesk.client.ServerSettings.address();
		} catch (RuntimeException e) {
			address = "?";
		}
		return org.eclipse.osgi.util.NLS.bind(login_no_server, address);
	}

	/**
	 * The words for a call to the RA server that did not go through: the server's refusal, or (the
	 * network, an answer that is no RA Desk's) that it could not be reached.
	 */
	public static String notDone(Exception e) {
		return e instanceof radesk.api.SubscriberRa.Refused r ? refusal(r.code, r.triesLeft) : noServer(e);
	}

	/** What the RA server said (its error code), in the UI's language; the last try before a lock is announced. */
	public static String refusal(String code, int triesLeft) {
		if (code.equals("WRONG_PASSWORD") && triesLeft == 1) {
			return refused_WRONG_PASSWORD_LAST;
		}
		String text = text("refused_" + code);
		return text.startsWith("refused_") ? org.eclipse.osgi.util.NLS.bind(refused_other, code) : text;
	}

	/**
	 * What the card said, in words: a wrong PIN with the tries left before it locks (the last one
	 * warned). The text under {@code screen} + reason is preferred (a screen may say more), then
	 * the card log-in's.
	 */
	public static String cardProblem(radesk.api.CardAccessException e, String screen) {
		if (e.reason() == radesk.api.CardAccessException.Reason.WRONG_PIN) {
			return e.triesLeft() == 1 ? card_login_last_try : org.eclipse.osgi.util.NLS.bind(card_login_wrong_pin, e.triesLeft());
		}
		for (String prefix : new String[] { screen, "card_login_" }) {
			String text = text(prefix + e.reason());
			if (!text.startsWith(prefix)) {
				return text;
			}
		}
		return e.getMessage();
	}

	/** The text of a key built at run time (e.g. {@code refused_WRONG_PASSWORD}); the key itself when missing. */
	public static String text(String key) {
		return Texts.lookUp(Messages.class, key);
	}
}
