package radesk.ui.counter;

import radesk.ui.common.Texts;

/**
 * The counter's labels; texts in messages.properties (English) and messages_zh_TW.properties.
 * Texts with one key per enum constant (states, field problems, refusals, audit actions, …) have no
 * field: {@link #text} reads them by the key built from the constant.
 */
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
	public static String refused_WRONG_PASSWORD_LAST;
	public static String refused_PASSWORDS_DIFFER;
	public static String refused_other;
	public static String signin_title;
	public static String signin_heading;
	public static String signin_message;
	public static String signin_first_title;
	public static String signin_first_heading;
	public static String signin_first_message;
	public static String signin_account;
	public static String signin_display_name;
	public static String signin_setup_code;
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
	public static String search_count;
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
	public static String issue_step_done;
	public static String issue_personalized;
	public static String issue_print_cancelled;
	public static String issue_print_failed;
	public static String issue_printed;
	public static String issue_handed_over;
	public static String issue_mailed;
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
	public static String forms_new_heading;
	public static String forms_kind;
	public static String forms_subject;
	public static String forms_reason;
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
	public static String intake_phone;
	public static String intake_address;
	public static String intake_address_hint;
	public static String intake_organization;
	public static String intake_businessNumber;
	public static String intake_documents;
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
	public static String forms_count;
	public static String update_title;
	public static String update_checking;
	public static String update_found;
	public static String update_none;
	public static String update_no_site;
	public static String update_site_invalid;
	public static String update_site_insecure;
	public static String update_site_failed;
	public static String update_no_profile;
	public static String update_install;
	public static String update_close;
	public static String update_installing;
	public static String update_failed;
	public static String update_job_check;
	public static String update_job_install;

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
