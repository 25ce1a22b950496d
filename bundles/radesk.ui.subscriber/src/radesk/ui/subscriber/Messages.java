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

	static {
		Texts.load(Messages.class, "radesk.ui.subscriber.messages");
	}

	private Messages() {
	}
}
