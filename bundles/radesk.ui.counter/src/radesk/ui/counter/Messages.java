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
	public static String issue_heading;
	public static String issue_refresh;
	public static String issue_column_account;
	public static String issue_column_card;
	public static String issue_column_slips;
	public static String issue_register;
	public static String issue_reader;
	public static String issue_readers_refresh;
	public static String issue_personalize;
	public static String issue_print_password;
	public static String issue_print_pin;
	public static String issue_hand_over_group;
	public static String issue_method_counter;
	public static String issue_method_mail;
	public static String issue_reader_sold;
	public static String issue_recipient;
	public static String issue_tracking;
	public static String issue_hand_over;
	public static String issue_slip_password_done;
	public static String issue_slip_pin_done;
	public static String issue_preview_none;
	public static String issue_preview_of;
	public static String issue_slip_pin;
	public static String issue_slip_password;
	public static String issue_password_gone;
	public static String issue_pin_gone;
	public static String issue_reader_empty;
	public static String issue_reader_card;
	public static String issue_reader_blank;
	public static String issue_registered;
	public static String issue_no_card;
	public static String issue_personalizing;
	public static String issue_job;
	public static String issue_step_RECORDING;
	public static String issue_step_WRITING_CARD;
	public static String issue_step_CONFIRMING;
	public static String issue_step_done;
	public static String issue_personalized;
	public static String issue_print_cancelled;
	public static String issue_print_failed;
	public static String issue_printed;
	public static String issue_handed_over;
	public static String issue_mailed;
	public static String card_MODULE_NOT_FOUND;
	public static String card_MODULE_ERROR;
	public static String card_CARD_REMOVED;
	public static String card_NOT_BLANK;
	public static String card_WRONG_PIN;
	public static String card_PIN_LOCKED;
	public static String card_BAD_PIN;
	public static String card_KEY_NOT_ON_CARD;
	public static String refused_ALREADY_PRINTED;
	public static String refused_SLIPS_NOT_PRINTED;
	public static String refused_NOT_FOUND;
	public static String refused_INVALID_INPUT_trackingNumber;
	public static String refused_INVALID_INPUT_recipient;
	public static String refused_INVALID_INPUT_method;
	public static String mail_heading;
	public static String mail_complete;
	public static String mail_submit;
	public static String mail_count;
	public static String mail_stored;
	public static String mail_stored_review;
	public static String mail_csv_heading;
	public static String mail_csv_file;
	public static String mail_csv_browse;
	public static String mail_csv_import;
	public static String mail_csv_hint;
	public static String mail_csv_job;
	public static String mail_csv_running;
	public static String mail_csv_unreadable;
	public static String mail_csv_done;
	public static String mail_csv_line;
	public static String mail_csv_problem;
	public static String mail_csv_note_COLUMNS;
	public static String mail_csv_note_DUPLICATE_IN_FILE;
	public static String mail_csv_note_DUPLICATE_REGISTRATION;
	public static String mail_csv_note_NOT_STORED;
	public static String refused_BAD_REQUEST;
	public static String forms_new_heading;
	public static String forms_kind;
	public static String forms_kind_PIN_UNLOCK;
	public static String forms_kind_PASSWORD_RESET;
	public static String forms_kind_REVOCATION;
	public static String forms_subject;
	public static String forms_subject_hint_PIN_UNLOCK;
	public static String forms_subject_hint_PASSWORD_RESET;
	public static String forms_subject_hint_REVOCATION;
	public static String forms_reason;
	public static String revocation_DATA_CHANGED;
	public static String revocation_KEY_DAMAGED;
	public static String revocation_KEY_LOST;
	public static String revocation_KEY_EXPOSED;
	public static String revocation_KEY_TAMPERED;
	public static String revocation_THIRD_PARTY_USE_RISK;
	public static String forms_note;
	public static String forms_submit;
	public static String forms_submitted;
	public static String forms_queue_heading;
	public static String forms_state;
	public static String forms_state_IN_REVIEW;
	public static String forms_state_APPROVED;
	public static String forms_carry_out;
	public static String forms_approved;
	public static String forms_revoked;
	public static String forms_rejected;
	public static String forms_carried_out;
	public static String forms_slip_lost;
	public static String forms_ra_name;
	public static String refused_INVALID_INPUT_reason;
	public static String refused_INVALID_INPUT_certificate;
	public static String story_heading;
	public static String story_hint;
	public static String story_request;
	public static String story_card;
	public static String story_certificate;
	public static String story_column_when;
	public static String story_column_who;
	public static String story_column_what;
	public static String story_column_subject;
	public static String story_column_change;
	public static String audit_REQUEST_SUBMITTED;
	public static String audit_REQUEST_IN_REVIEW;
	public static String audit_REQUEST_APPROVED;
	public static String audit_REQUEST_REJECTED;
	public static String audit_SUBSCRIBER_REGISTERED;
	public static String audit_CARD_PERSONALIZATION_STARTED;
	public static String audit_CARD_PERSONALIZED;
	public static String audit_SLIP_PRINTED;
	public static String audit_CARD_HANDED_OVER;
	public static String audit_REQUEST_DELIVERED;
	public static String audit_APPLICATION_STARTED;
	public static String audit_CERTIFICATE_ISSUED;
	public static String audit_CERTIFICATE_ON_CARD;
	public static String audit_CERTIFICATE_REVOKED;
	public static String audit_LOGIN;
	public static String audit_PASSWORD_CHECK;
	public static String audit_PASSWORD_CHANGED;
	public static String audit_ACCOUNT_SUSPENDED;
	public static String audit_CARD_PIN_WRONG;
	public static String audit_CARD_PIN_RIGHT;
	public static String audit_CARD_LOCKED;
	public static String audit_PASSWORD_RESET_SUBMITTED;
	public static String audit_PASSWORD_RESET_APPROVED;
	public static String audit_PASSWORD_RESET_REJECTED;
	public static String audit_PASSWORD_RESET_CARRIED_OUT;
	public static String audit_PIN_UNLOCK_SUBMITTED;
	public static String audit_PIN_UNLOCK_APPROVED;
	public static String audit_PIN_UNLOCK_REJECTED;
	public static String audit_PIN_UNLOCK_CARRIED_OUT;
	public static String audit_REVOCATION_SUBMITTED;
	public static String audit_REVOCATION_APPROVED;
	public static String audit_REVOCATION_REJECTED;
	public static String audit_REVOCATION_CARRIED_OUT;
	public static String intake_phone;
	public static String intake_address;
	public static String intake_address_hint;
	public static String intake_organization;
	public static String intake_businessNumber;
	public static String intake_documents;
	public static String document_ID_CARD_COPY;
	public static String document_RESIDENT_CERTIFICATE_COPY;
	public static String document_ORGANIZATION_REGISTRATION;
	public static String document_AUTHORIZATION_LETTER;
	public static String problem_PHONE_PHONE_MALFORMED;
	public static String problem_ADDRESS_ADDRESS_NO_POSTCODE;
	public static String problem_ADDRESS_TOO_LONG;
	public static String problem_ORGANIZATION_REQUIRED;
	public static String problem_ORGANIZATION_TOO_LONG;
	public static String problem_BUSINESS_NUMBER_REQUIRED;
	public static String problem_BUSINESS_NUMBER_BUSINESS_NUMBER_WRONG_FORMAT;
	public static String problem_BUSINESS_NUMBER_BUSINESS_NUMBER_WRONG_CHECKSUM;
	public static String problem_DOCUMENTS_DOCUMENTS_MISSING;
	public static String review_details;
	public static String signin_role;
	public static String signin_role_main;
	public static String staff_also_as;
	public static String staff_grant;
	public static String staff_choose_person;
	public static String staff_granted;
	public static String review_unit;
	public static String units_heading;
	public static String units_code;
	public static String units_name_zh;
	public static String units_name_en;
	public static String units_add;
	public static String units_added;
	public static String refused_INVALID_INPUT_unitCode;
	public static String refused_INVALID_INPUT_unitCodeTaken;
	public static String refused_INVALID_INPUT_unitName;
	public static String refused_INVALID_INPUT_role;
	public static String forms_count;
	public static String refused_SERVER_UNREACHABLE;
	public static String refused_SIGNED_OUT;

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
		if (e.reason() == radesk.api.ServiceException.Reason.CARD && e.card() != null) {
			return cardProblem(e.card());
		}
		String key = "refused_" + e.reason();
		if (e.reason() == radesk.api.ServiceException.Reason.INVALID_INPUT) {
			// the service names the field first: "trackingNumber: …"
			String detail = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
			key += "_" + detail.substring(0, Math.max(0, detail.indexOf(':')));
		}
		String text = text(key);
		return text.startsWith("refused_") ? org.eclipse.osgi.util.NLS.bind(refused_other, e.reason())
				: org.eclipse.osgi.util.NLS.bind(text, e.getMessage());
	}

	/** What happened with the card, in the UI's language. */
	public static String cardProblem(radesk.api.CardAccessException.Reason reason) {
		String text = text("card_" + reason);
		return text.startsWith("card_") ? org.eclipse.osgi.util.NLS.bind(refused_other, reason) : text;
	}

	/** The text of a key built from an enum constant, e.g. {@code state_IN_REVIEW}; the key itself if missing. */
	public static String text(String key) {
		return Texts.lookUp(Messages.class, key);
	}
}
