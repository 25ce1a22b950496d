package radesk.ui.common;

import org.eclipse.osgi.util.NLS;

/** The shared labels; texts in messages.properties (English) and messages_zh_TW.properties. */
public final class Messages extends NLS {

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

	static {
		NLS.initializeMessages("radesk.ui.common.messages", Messages.class);
	}

	private Messages() {
	}
}
