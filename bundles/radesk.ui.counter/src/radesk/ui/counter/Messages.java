package radesk.ui.counter;

import radesk.ui.common.Texts;

/** The counter's labels; texts in messages.properties (English) and messages_zh_TW.properties. */
public final class Messages {

	public static String intake_heading;
	public static String intake_name;
	public static String intake_nationalId;
	public static String intake_email;
	public static String intake_raUnit;
	public static String intake_submit;
	public static String intake_clear;
	public static String intake_received;
	public static String intake_fix_fields;
	public static String intake_store_failed;
	public static String recent_heading;
	public static String column_id;
	public static String column_received;
	public static String column_name;
	public static String column_nationalId;
	public static String column_email;
	public static String column_raUnit;
	public static String column_channel;
	public static String column_state;
	public static String channel_POSTAL;
	public static String channel_COUNTER;
	public static String state_RECEIVED;
	public static String state_IN_REVIEW;
	public static String state_APPROVED;
	public static String state_REJECTED;
	public static String state_REGISTERED;
	public static String state_DELIVERED;
	public static String problem_NAME_REQUIRED;
	public static String problem_NAME_TOO_LONG;
	public static String problem_NATIONAL_ID_REQUIRED;
	public static String problem_NATIONAL_ID_ID_WRONG_LENGTH;
	public static String problem_NATIONAL_ID_ID_WRONG_FORMAT;
	public static String problem_NATIONAL_ID_ID_WRONG_CHECKSUM;
	public static String problem_EMAIL_REQUIRED;
	public static String problem_EMAIL_TOO_LONG;
	public static String problem_EMAIL_EMAIL_MALFORMED;
	public static String problem_RA_UNIT_REQUIRED;
	public static String problem_RA_UNIT_UNKNOWN_RA_UNIT;
	public static String refused_DUPLICATE_REGISTRATION;
	public static String refused_NOT_PERMITTED;
	public static String refused_WRONG_PASSWORD;
	public static String refused_WRONG_PASSWORD_LAST;
	public static String refused_ACCOUNT_SUSPENDED;
	public static String refused_PASSWORD_TOO_WEAK;
	public static String refused_PASSWORDS_DIFFER;
	public static String refused_WRONG_STATE;
	public static String refused_other;
	public static String signin_title;
	public static String signin_heading;
	public static String signin_message;
	public static String signin_first_title;
	public static String signin_first_heading;
	public static String signin_first_message;
	public static String signin_account;
	public static String signin_display_name;
	public static String signin_password;
	public static String signin_confirm;
	public static String signin_button;
	public static String signin_create;
	public static String signin_quit;
	public static String staff_heading;
	public static String staff_add;
	public static String staff_added;
	public static String staff_role;
	public static String staff_column_account;
	public static String staff_column_name;
	public static String staff_column_role;
	public static String staff_column_state;
	public static String staff_suspended;
	public static String staff_active;
	public static String review_channel;
	public static String review_age;
	public static String review_all;
	public static String review_age_1;
	public static String review_age_3;
	public static String review_age_7;
	public static String review_refresh;
	public static String review_column_entered_by;
	public static String review_entered_by_me;
	public static String review_reason;
	public static String review_approve;
	public static String review_reject;
	public static String review_count;
	public static String review_dual_control;
	public static String review_reason_needed;
	public static String review_approved;
	public static String review_rejected;
	public static String search_label;
	public static String search_hint;
	public static String search_column_kind;
	public static String search_column_key;
	public static String search_column_title;
	public static String search_column_detail;
	public static String search_column_state;
	public static String card_state_BLANK;
	public static String card_state_PERSONALIZED;
	public static String card_state_ISSUED;
	public static String card_state_LOCKED;
	public static String card_state_RETIRED;
	public static String certificate_state_ISSUED_NOT_ON_CARD;
	public static String certificate_state_ON_CARD;
	public static String certificate_state_SUPERSEDED;
	public static String certificate_state_REVOKED;
	public static String certificate_state_EXPIRED;
	public static String search_count;
	public static String search_kind_SUBSCRIBER;
	public static String search_kind_REQUEST;
	public static String search_kind_CARD;
	public static String search_kind_CERTIFICATE;
	public static String refused_DUAL_CONTROL;
	public static String refused_CONCURRENT_CHANGE;

	static {
		Texts.load(Messages.class, "radesk.ui.counter.messages");
	}

	private Messages() {
	}

	/** The wording of a field problem; keys are {@code problem_<FIELD>_<PROBLEM>}. */
	public static String problem(radesk.core.registration.FieldProblem p) {
		return text("problem_" + p.field() + "_" + p.problem());
	}

	/** What the service said, in the UI's language; the last try before a lock is announced. */
	public static String refusal(radesk.api.ServiceException e) {
		if (e.reason() == radesk.api.ServiceException.Reason.WRONG_PASSWORD && e.triesLeft() == 1) {
			return refused_WRONG_PASSWORD_LAST;
		}
		String text = text("refused_" + e.reason());
		return text.startsWith("refused_") ? org.eclipse.osgi.util.NLS.bind(refused_other, e.reason()) : text;
	}

	/** The text of a key built from an enum constant, e.g. {@code state_IN_REVIEW}; the key itself if missing. */
	public static String text(String key) {
		return Texts.lookUp(Messages.class, key);
	}
}
