package radesk.ui.common;

import org.eclipse.swt.widgets.Widget;

/**
 * Names widgets for the UI tests, which find them by this key rather than by label, so the same
 * test drives both languages.
 */
public final class WidgetIds {

	public static final String KEY = "radesk.id";

	private WidgetIds() {
	}

	public static <W extends Widget> W name(W widget, String id) {
		widget.setData(KEY, id);
		return widget;
	}
}
