package radesk.ui.common;

/** The shared labels; texts in messages.properties (English) and messages_zh_TW.properties. */
public final class Messages {

	public static String status_service_embedded;
	public static String status_service_remote;
	public static String status_service_none;
	public static String status_card_none;
	public static String status_card_blank;
	public static String status_card_present;
	public static String status_card_no_card;
	public static String status_card_module_missing;
	public static String status_card_error;
	public static String prefs_title;
	public static String prefs_language;
	public static String prefs_language_system;
	public static String prefs_language_zh_tw;
	public static String prefs_language_en;
	public static String prefs_restart_title;
	public static String prefs_restart_message;
	public static String about_title;
	public static String about_text;
	public static String status_signed_in;
	public static String role_COUNTER_CLERK;
	public static String role_RA_OFFICER;
	public static String role_MAILROOM_CLERK;
	public static String role_ADMINISTRATOR;
	public static String role_SUBSCRIBER;
	public static String button_ok;
	public static String button_cancel;
	public static String button_restart_now;
	public static String button_restart_later;
	public static String status_service_server;
	public static String prefs_server_address;
	public static String prefs_server_root;
	public static String prefs_server_hint;
	public static String prefs_server_bad_address;
	public static String prefs_server_no_root;
	public static String prefs_connection;
	public static String prefs_connection_standalone;
	public static String prefs_connection_server;
	public static String prefs_connection_hint;
	public static String prefs_restart_connection;

	static {
		Texts.load(Messages.class, "radesk.ui.common.messages");
	}

	/** The wording of a role, e.g. 櫃檯人員 for COUNTER_CLERK. */
	public static String role(radesk.core.access.Role role) {
		return Texts.lookUp(Messages.class, "role_" + role.name());
	}

	private Messages() {
	}
}
